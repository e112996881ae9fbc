package dev.quarry.compiledqueries;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Building a QuerySet reuses what depends on the models alone (parsed lookup paths, the tree of all
 * rows, quoted names) and stays invisible: the same SQL, rows and errors every time, from any number
 * of threads.
 */
@QuarryTest(models = Gadget.class)
class BuildingCachesTest {

    private static void rows(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            Gadget.objects.create(g -> {
                g.name = "b" + k;
                g.size = k % 4;
            });
        }
    }

    private static String message(Supplier<?> build) {
        return catchThrowable(build::get).getMessage();
    }

    @Test
    void aBadLookupOrAliasFailsWithTheSameMessageEveryTime() {
        String first = message(() -> Gadget.objects.filter("nmae", "x"));
        assertThat(first).contains("Cannot resolve keyword 'nmae' into field of Gadget");
        assertThat(message(() -> Gadget.objects.filter("nmae", "x"))).isEqualTo(first);
        assertThat(message(() -> Gadget.objects.filter("name__nosuch", "x")))
                .isEqualTo(message(() -> Gadget.objects.filter("name__nosuch", "x")));
        String alias = message(() -> Gadget.objects.annotate("9lives", count("id")));
        assertThat(alias).contains("Invalid annotation alias");
        assertThat(message(() -> Gadget.objects.annotate("9lives", count("id")))).isEqualTo(alias);
        assertThat(message(() -> Gadget.objects.annotate("a__b", count("id")))).contains("Invalid annotation alias");
        assertThat(message(() -> Gadget.objects.annotate("", count("id")))).contains("Invalid annotation alias");
    }

    @Test
    void theSameQueryBuiltAgainHasTheSameSqlAndRows(Queries queries) {
        rows(8);
        Supplier<QuerySet<Gadget>> build = () -> Gadget.objects.filter("size__gte", 2).exclude("name", "b3")
                .orderBy("-size", "name");
        String sql = build.get().sql().text();
        List<String> first = queries.assertNumQueries(1, () -> build.get().list().stream().map(g -> g.name).toList());
        assertThat(first).containsExactly("b7", "b2", "b6");
        for (int i = 0; i < 3; i++) {
            assertThat(build.get().sql().text()).isEqualTo(sql);
            assertThat(queries.assertNumQueries(1, () -> build.get().list().stream().map(g -> g.name).toList()))
                    .isEqualTo(first);
        }
        // Another value of the same lookups binds its own parameters.
        assertThat(Gadget.objects.filter("size__gte", 3).exclude("name", "b7").orderBy("-size", "name").list())
                .extracting(g -> g.name).containsExactly("b3");
    }

    @Test
    @Committing
    void sixteenThreadsBuildTheSameSql(Quarry quarry) throws Exception {
        rows(8);
        List<String> lookups = List.of("name", "name__startswith", "size__gte", "size__in", "pk__lt", "name__iexact");
        List<Object> values = List.of("b1", "b", 2, List.of(1, 2), 5, "B1");
        List<String> expected = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < lookups.size(); i++) {
            QuerySet<Gadget> q = Gadget.objects.using(quarry).filter(lookups.get(i), values.get(i)).orderBy("name");
            expected.add(q.sql().text());
            counts.add(q.list().size());
        }
        List<String> wrong = SixteenThreads.run(120, (thread, i) -> {
            int k = (thread + i) % lookups.size();
            QuerySet<Gadget> q = Gadget.objects.using(quarry).filter(lookups.get(k), values.get(k)).orderBy("name");
            boolean right = q.sql().text().equals(expected.get(k)) && (i % 10 != 0 || q.list().size() == counts.get(k));
            return right ? null : lookups.get(k);
        });
        assertThat(wrong).isEmpty();
    }
}
