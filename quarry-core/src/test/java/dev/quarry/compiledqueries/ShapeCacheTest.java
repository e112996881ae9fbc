package dev.quarry.compiledqueries;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.ExecutedQuery;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.Sql;
import dev.quarry.load.CompiledShapes;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A QuerySet built again in a shape built before (the same steps, other plain values) prepares
 * only its new values where it is built and runs the SQL compiled the first time: the same rows,
 * the same errors at the same place, the same {@code sql()}, from any number of threads. Values
 * that change the SQL (a boolean written into it, a condition that must match missing rows) make
 * shapes of their own; a shape whose parameters could come in another order than its values is
 * never kept on a guess. Expected rows are computed in Java from the rows each test makes.
 */
@QuarryTest(models = {Maker.class, Part.class})
class ShapeCacheTest {
    private final List<Maker> makers = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    private void seed() {
        Catalog.seed(makers, parts);
    }

    private static QuerySet<Part> heaviest(int atLeast) {
        return Part.objects.filter("weight__gte", atLeast).orderBy("-weight", "name").limit(3);
    }

    private List<String> heaviestInJava(int atLeast) {
        return parts.stream().filter(p -> p.weight >= atLeast)
                .sorted(Comparator.comparingInt((Part p) -> -p.weight).thenComparing(p -> p.name)).limit(3)
                .map(p -> p.name).toList();
    }

    private static QuerySet<Maker> withParts(int atLeast) {
        return Maker.objects.annotate("n", count("parts")).filter("n__gte", atLeast).orderBy("name");
    }

    private Map<String, Long> partsPerMaker() {
        Map<String, Long> n = new HashMap<>();
        for (Maker m : makers) {
            n.put(m.name, parts.stream().filter(p -> Objects.equals(p.maker.id(), m.id)).count());
        }
        return n;
    }

    @Test
    void aShapeBuiltAgainRunsTheSameTextWithItsNewValuesAndCompilesNothing(Queries queries) {
        seed();
        assertThat(heaviest(0).list()).extracting(p -> p.name).containsExactlyElementsOf(heaviestInJava(0));
        int entries = CompiledShapes.size();
        List<ExecutedQuery> ran = queries.assertNumQueries(4, () -> {
            for (int w = 1; w <= 4; w++) {
                assertThat(heaviest(w).list()).as("weight >= " + w).extracting(p -> p.name)
                        .containsExactlyElementsOf(heaviestInJava(w));
            }
        });
        assertThat(CompiledShapes.size()).isEqualTo(entries);
        assertThat(ran).extracting(ExecutedQuery::sql).containsOnly(ran.get(0).sql());
        assertThat(ran).extracting(q -> ((Number) q.params().get(0)).intValue()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void annotationsFiltersOnThemAndTerminalsReuseTheirShapes(Queries queries) {
        seed();
        Map<String, Long> n = partsPerMaker();
        for (int round = 0; round < 2; round++) {
            for (int each = 0; each <= 4; each++) {
                int k = each;
                long atLeast = k;
                List<String> expected = n.entrySet().stream().filter(e -> e.getValue() >= atLeast).map(Map.Entry::getKey)
                        .sorted().toList();
                List<Maker> found = queries.assertNumQueries(1, () -> withParts(k).list());
                assertThat(found).as("n >= " + k).extracting(m -> m.name).containsExactlyElementsOf(expected);
                assertThat(found).allSatisfy(m -> assertThat(m.annotation("n", Long.class)).isEqualTo(n.get(m.name)));
                assertThat(queries.assertNumQueries(1, () -> withParts(k).first().map(m -> m.name)))
                        .isEqualTo(expected.stream().findFirst());
            }
        }
        Maker a = makers.get(0);
        for (int i = 0; i < 2; i++) {
            assertThat(Maker.objects.filter("name", a.name).filter("rank", a.rank).get().id).isEqualTo(a.id);
            assertThat(Part.objects.filter("maker", a).orderBy("name").list()).extracting(p -> p.name)
                    .containsExactlyElementsOf(parts.stream().filter(p -> a.id.equals(p.maker.id())).map(p -> p.name).toList());
        }
    }

    @Test
    void countAndExistsReuseTheirShapesToo(Queries queries) {
        seed();
        for (int round = 0; round < 2; round++) {
            for (int w = 0; w <= 5; w++) {
                int atLeast = w;
                long expected = parts.stream().filter(p -> p.weight >= atLeast && p.maker.id() != null).count();
                QuerySet<Part> q = Part.objects.filter("weight__gte", w).filter("maker__isnull", false);
                assertThat(queries.assertNumQueries(1, q::count)).as("count weight >= " + w).isEqualTo(expected);
                assertThat(queries.assertNumQueries(1, q::exists)).as("exists weight >= " + w).isEqualTo(expected > 0);
            }
        }
    }

    @Test
    void queriesThatSendNoSqlOrCannotRunAloneStaySo(Queries queries) {
        seed();
        // limit(0) sends nothing, as Django's [:0]; a known shape must not start sending it.
        queries.assertNumQueries(0, () -> {
            for (int w = 0; w < 3; w++) {
                assertThat(Part.objects.filter("weight__gte", w).orderBy("name").limit(0).list()).isEmpty();
                assertThat(Part.objects.filter("weight__gte", w).orderBy("name").limit(0).count()).isZero();
            }
        });
        // An OuterRef outside a subquery is refused each time with the same message, never run.
        String first = failure(() -> Part.objects.filter("weight__gte", 1).annotate("o", dev.quarry.expr.OuterRef.of("pk"))
                .list());
        assertThat(first).isNotNull();
        queries.assertNumQueries(0, () -> assertThat(failure(() -> Part.objects.filter("weight__gte", 2)
                .annotate("o", dev.quarry.expr.OuterRef.of("pk")).list())).isEqualTo(first));
    }

    @Test
    void valuesQueriesReuseTheirShapes(Queries queries) {
        seed();
        for (int round = 0; round < 2; round++) {
            for (int w = 0; w <= 4; w++) {
                int atLeast = w;
                List<Part> heavy = parts.stream().filter(p -> p.weight >= atLeast).sorted(Comparator.comparing(p -> p.name))
                        .toList();
                List<Map<String, Object>> maps = queries.assertNumQueries(1, () -> Part.objects.filter("weight__gte", atLeast)
                        .orderBy("name").values("name", "weight").list());
                assertThat(maps).extracting(m -> m.get("name")).containsExactlyElementsOf(heavy.stream().map(p -> p.name).toList());
                List<List<Object>> tuples = queries.assertNumQueries(1, () -> Part.objects.filter("weight__gte", atLeast)
                        .orderBy("name").valuesList("name", "weight").list());
                assertThat(tuples).extracting(t -> t.get(1))
                        .containsExactlyElementsOf(heavy.stream().map(p -> (Object) p.weight).toList());
                List<String> names = queries.assertNumQueries(1, () -> Part.objects.filter("weight__gte", atLeast)
                        .orderBy("name").valuesList("name", String.class).list());
                assertThat(names).containsExactlyElementsOf(heavy.stream().map(p -> p.name).toList());
                assertThat(queries.assertNumQueries(1, () -> Part.objects.filter("weight__gte", atLeast).orderBy("name")
                        .valuesList("name", String.class).first())).isEqualTo(heavy.stream().findFirst().map(p -> p.name));
            }
        }
        String wrongType = failure(() -> Part.objects.filter("weight__gte", 1).valuesList("name", Integer.class));
        assertThat(wrongType).isNotNull();
        assertThat(failure(() -> Part.objects.filter("weight__gte", 2).valuesList("name", Integer.class))).isEqualTo(wrongType);
    }

    /** The message of what {@code build} throws, or {@code null}. */
    private static String failure(Supplier<?> build) {
        Throwable t = catchThrowable(build::get);
        return t == null ? null : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @Test
    void aBadValueFailsWhereTheQuerySetIsBuiltWithTheSameErrorOnceItsShapeIsKnown(Queries queries) {
        seed();
        Part part = parts.get(0);
        // Each error first on a shape never built with a good value (the tree reports it), then once it is known.
        String weight = failure(() -> Part.objects.filter("weight__gte", "heavy").orderBy("-weight", "name").limit(3));
        String count = failure(() -> Maker.objects.annotate("n", count("parts")).filter("n__gte", "many"));
        String instance = failure(() -> Maker.objects.filter("name", "x").filter("pk", part));
        assertThat(weight).startsWith("InvalidValueError").contains("weight");
        assertThat(count).isNotNull();
        assertThat(instance).contains("must be a Maker instance");
        heaviest(1).list();
        withParts(1).list();
        Maker.objects.filter("name", "x").filter("pk", makers.get(1)).list();
        queries.assertNumQueries(0, () -> {
            assertThat(failure(() -> Part.objects.filter("weight__gte", "heavy").orderBy("-weight", "name").limit(3)))
                    .isEqualTo(weight);
            assertThat(failure(() -> Maker.objects.annotate("n", count("parts")).filter("n__gte", "many")))
                    .isEqualTo(count);
            assertThat(failure(() -> Maker.objects.filter("name", "x").filter("pk", part))).isEqualTo(instance);
        });
    }

    @Test
    void valuesThatChangeTheSqlMakeShapesOfTheirOwn(Queries queries) {
        seed();
        for (int round = 0; round < 2; round++) {
            for (boolean none : new boolean[] {true, false, true}) {
                List<String> expected = parts.stream().filter(p -> (p.maker.id() == null) == none).map(p -> p.name)
                        .sorted().toList();
                assertThat(Part.objects.filter("maker__isnull", none).orderBy("name").list()).as("isnull " + none)
                        .extracting(p -> p.name).containsExactlyElementsOf(expected);
            }
            // exclude() over a join: whether a row without a maker matches decides the SQL's NOT form.
            for (String name : new String[] {"a", "b"}) {
                List<String> expected = parts.stream().filter(p -> p.maker.id() == null
                        || !makers.stream().filter(m -> m.id.equals(p.maker.id())).findFirst().get().name.equals(name))
                        .map(p -> p.name).sorted().toList();
                assertThat(Part.objects.exclude("maker__name", name).orderBy("name").list()).as("not " + name)
                        .extracting(p -> p.name).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void equalValuesThatCouldBeBoundInAnotherOrderKeepNoShape(Queries queries) {
        seed();
        Map<String, Long> n = partsPerMaker();
        // "n" goes to HAVING and "rank" to WHERE: the parameters come in the other order than the values. Both are
        // longs, so a first build with equal values cannot tell the order: no shape is kept then, nor later.
        for (int[] v : new int[][] {{2, 2}, {1, 3}, {3, 1}, {2, 2}, {0, 2}}) {
            List<String> expected = makers.stream().filter(m -> n.get(m.name) >= v[0] && m.rank >= v[1]).map(m -> m.name)
                    .sorted().toList();
            QuerySet<Maker> q = Maker.objects.annotate("n", count("parts"))
                    .filter(Q.of("n__gte", v[0]), Q.of("rank__gte", v[1])).orderBy("name");
            assertThat(q.list()).as("n >= %d, rank >= %d", v[0], v[1]).extracting(m -> m.name)
                    .containsExactlyElementsOf(expected);
            assertThat(q.sql().parameters()).containsExactly((long) v[1], (long) v[0]);
        }
    }

    @Test
    void sqlOfAKnownShapeIsTheSqlOfItsTree() {
        seed();
        for (int w = 0; w < 3; w++) {
            Sql cached = heaviest(w).sql();
            // A prefetch is no shape (the main query is the same): this one's tree is compiled as always.
            Sql general = Part.objects.prefetchRelated("maker").filter("weight__gte", w).orderBy("-weight", "name").limit(3)
                    .sql();
            assertThat(cached).isEqualTo(general);
            assertThat(cached.inlined()).isEqualTo(general.inlined()).doesNotContain("?");
            assertThat(heaviest(w).sql()).isEqualTo(cached);
        }
    }

    @Test
    @Committing
    void sixteenThreadsBuildTheSameShapesWithTheirOwnValues(Quarry quarry) throws Exception {
        seed();
        Map<String, Long> n = partsPerMaker();
        List<String> wrong = SixteenThreads.run(100, (thread, i) -> {
            int w = (thread + i) % 5;
            List<String> heavy = Part.objects.using(quarry).filter("weight__gte", w).orderBy("-weight", "name").limit(3)
                    .list().stream().map(p -> p.name).toList();
            int k = (thread * 3 + i) % 5;
            List<String> makersFound = Maker.objects.using(quarry).annotate("n", count("parts")).filter("n__gte", k)
                    .orderBy("name").list().stream().map(m -> m.name).toList();
            List<String> makersExpected = n.entrySet().stream().filter(e -> e.getValue() >= k).map(Map.Entry::getKey)
                    .sorted().toList();
            boolean right = heavy.equals(heaviestInJava(w)) && makersFound.equals(makersExpected);
            return right ? null : "thread " + thread + " round " + i + ": " + heavy + " " + makersFound;
        });
        assertThat(wrong).isEmpty();
    }
}
