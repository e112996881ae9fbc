package dev.quarry.compiledqueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.ExecutedQuery;
import dev.quarry.InvalidValueError;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Quarry;
import dev.quarry.load.CompiledShapes;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled-query cache is invisible: {@code get(lookup, value)} and {@code filter(lookup,
 * value).first()} on all rows compile once per shape and database and then only bind new values,
 * giving the rows, errors and statements of the general path, from any number of threads; the cache
 * holds a bounded number of shapes.
 */
@QuarryTest(models = Gadget.class)
class CompiledQueryCacheTest {

    private static List<Gadget> rows(String prefix, int n) {
        List<Gadget> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            made.add(Gadget.objects.create(g -> {
                g.name = prefix + k;
                g.size = k % 3;
            }));
        }
        return made;
    }

    @Test
    void repeatedGetsRunTheSameTextWithNewValuesAndGiveTheRightRows(Queries queries) {
        List<Gadget> made = rows("g", 5);
        List<ExecutedQuery> ran = queries.assertNumQueries(10, () -> {
            for (int round = 0; round < 2; round++) {
                for (Gadget g : made) {
                    Gadget found = Gadget.objects.get("pk", g.id);
                    assertThat(found.id).isEqualTo(g.id);
                    assertThat(found.name).isEqualTo(g.name);
                }
            }
        });
        assertThat(ran).extracting(ExecutedQuery::sql).containsOnly(ran.get(0).sql());
        assertThat(ran.subList(0, 5)).extracting(q -> ((Number) q.params().get(0)).longValue())
                .containsExactlyElementsOf(made.stream().map(g -> g.id).toList());
        assertThat(ran.subList(5, 10)).extracting(q -> ((Number) q.params().get(0)).longValue())
                .containsExactlyElementsOf(made.stream().map(g -> g.id).toList());
    }

    @Test
    void firstOfOneFilterMatchesTheGeneralPath(Queries queries) {
        rows("f", 6);
        for (int size = 0; size < 4; size++) {
            int s = size;
            String viaCache = queries.assertNumQueries(1, () -> Gadget.objects.filter("size", s).first()
                    .map(g -> g.name).orElse("none"));
            // The same query built another way (an explicit ordering is no simple shape): the general path.
            String general = queries.assertNumQueries(1, () -> Gadget.objects.orderBy("pk").filter("size", s).first()
                    .map(g -> g.name).orElse("none"));
            assertThat(viaCache).isEqualTo(general);
        }
        assertThat(Gadget.objects.filter("name", "f4").first()).map(g -> g.size).contains(1);
        assertThat(Gadget.objects.filter("size__gte", 2).first()).map(g -> g.name).contains("f2");
    }

    @Test
    void errorsAreThoseOfTheGeneralPath(Queries queries) {
        rows("e", 4);
        assertThatThrownBy(() -> Gadget.objects.get("name", "missing")).isInstanceOf(DoesNotExist.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> Gadget.objects.get("size", 0)).isInstanceOf(MultipleObjectsReturned.class);
        // A bad value fails when the QuerySet is built, before any SQL, cached shape or not.
        queries.assertNumQueries(0, () -> {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> Gadget.objects.filter("size", "big")).isInstanceOf(InvalidValueError.class);
                assertThatThrownBy(() -> Gadget.objects.filter("sise", 1)).hasMessageContaining("Choices are");
            }
        });
        assertThat(Gadget.objects.get("name", "e3").size).isEqualTo(0);
    }

    @Test
    void getOfAKnownShapeFailsAndReadsValuesAsTheGeneralPathDoes(Queries queries) {
        List<Gadget> made = rows("k", 4);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> Gadget.objects.get("name", "missing")).isInstanceOf(DoesNotExist.class)
                    .hasMessage(catchMessage(() -> Gadget.objects.filter("name", "missing").get()));
            assertThatThrownBy(() -> Gadget.objects.get("size", 0)).isInstanceOf(MultipleObjectsReturned.class)
                    .hasMessage(catchMessage(() -> Gadget.objects.filter("size", 0).get()));
            queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Gadget.objects.get("size", "big"))
                    .isInstanceOf(InvalidValueError.class));
            assertThat(Gadget.objects.all().get("pk", made.get(i).id).name).isEqualTo("k" + i);
            assertThat(Gadget.objects.valuesList("name", String.class).get("pk", made.get(i).id)).isEqualTo("k" + i);
            assertThat(Gadget.objects.values("name").get("pk", made.get(i).id)).containsEntry("name", "k" + i);
        }
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }

    @Test
    void aCachedShapeStillRefinesAndChainsLikeAnyQuerySet(Queries queries) {
        rows("c", 6);
        assertThat(Gadget.objects.filter("size", 1).count()).isEqualTo(2);
        assertThat(Gadget.objects.filter("size", 1).orderBy("-name").list()).extracting(g -> g.name)
                .containsExactly("c4", "c1");
        assertThat(Gadget.objects.filter("size", 1).filter("name", "c4").get().name).isEqualTo("c4");
        assertThat(Gadget.objects.filter("size", 1).sql().text()).contains("?");
    }

    @Test
    @Committing
    void sixteenThreadsShareTheCacheAndEachGetsItsOwnRows(Quarry quarry) throws Exception {
        List<Gadget> made = rows("t", 64);
        List<String> wrong = SixteenThreads.run(200, (thread, i) -> {
            Gadget expected = made.get((thread * 7 + i) % made.size());
            Gadget byKey = Gadget.objects.using(quarry).get("pk", expected.id);
            Gadget byName = Gadget.objects.using(quarry).filter("name", expected.name).first().orElse(null);
            boolean right = expected.name.equals(byKey.name) && byName != null && expected.id.equals(byName.id);
            return right ? null : expected.name;
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void getsStayRightWhileOtherShapesEvictTheirCompiledEntries(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // A known get keeps the entry it last found (CompiledShapes.Memo); an evicted entry is flagged and not given
        // again. Four threads add 3,200 shapes of their own (a new limit each, compiled by sql()), far more than the
        // JVM-wide cache holds, so the gets' entries are evicted while twelve threads keep getting rows. A fresh
        // Quarry, so its registry has room for every one of those shapes.
        try (Quarry other = Quarry.builder().url("jdbc:sqlite:" + dir.resolve("evicting.db")).models(Gadget.class).build()) {
            other.createTables();
            List<Gadget> made = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int k = i;
                made.add(Gadget.objects.using(other).create(g -> g.name = "e" + k));
            }
            List<String> wrong = SixteenThreads.run(200, (thread, i) -> {
                if (thread < 4) {
                    for (int k = 0; k < 4; k++) {
                        int limit = 10_000 + (thread * 200 + i) * 4 + k;
                        String text = Gadget.objects.using(other).filter("name", "x").limit(limit).sql().text();
                        if (!text.contains("LIMIT " + limit)) {
                            return text;
                        }
                    }
                    return null;
                }
                Gadget expected = made.get((thread * 7 + i) % made.size());
                Gadget got = Gadget.objects.using(other).get("pk", expected.id);
                return expected.name.equals(got.name) ? null : expected.name + " read as " + got.name;
            });
            assertThat(wrong).isEmpty();
            assertThat(CompiledShapes.size()).isLessThanOrEqualTo(CompiledShapes.CAPACITY);
            // Once more, one thread: a get remembers its entry, new shapes evict it, the get still reads its row.
            assertThat(Gadget.objects.using(other).get("pk", made.get(3).id).name).isEqualTo("e3");
            for (int i = 0; i < CompiledShapes.CAPACITY + 10; i++) {
                Gadget.objects.using(other).filter("name", "y").limit(20_000 + i).sql();
            }
            assertThat(Gadget.objects.using(other).get("pk", made.get(3).id).name).isEqualTo("e3");
            assertThat(Gadget.objects.using(other).get("pk", made.get(4).id).name).isEqualTo("e4");
        }
    }

    @Test
    void theCacheIsBounded() {
        // Each limit is a shape of its own; sql() compiles and keeps its text without running it.
        for (int i = 0; i < CompiledShapes.CAPACITY + 100; i++) {
            assertThat(Gadget.objects.filter("name", "x").limit(i + 1).sql().text()).contains("?");
        }
        assertThat(CompiledShapes.size()).isLessThanOrEqualTo(CompiledShapes.CAPACITY);
        assertThat(Gadget.objects.filter("name", "x").count()).isZero();
    }

    @Test
    void aClosedQuarryLeavesNothingInTheCache(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Quarry other = Quarry.builder().url("jdbc:sqlite:" + dir.resolve("other.db")).models(Gadget.class).build();
        other.createTables();
        Gadget made = Gadget.objects.using(other).create(g -> g.name = "elsewhere");
        assertThat(Gadget.objects.using(other).get("pk", made.id).name).isEqualTo("elsewhere");
        int withItsEntries = CompiledShapes.size();
        other.close();
        // Its compiled query is gone, and nothing else was dropped.
        assertThat(CompiledShapes.size()).isEqualTo(withItsEntries - 1);
        assertThatThrownBy(() -> Gadget.objects.using(other).get("pk", made.id)).hasMessageContaining("closed");
        assertThat(CompiledShapes.size()).isEqualTo(withItsEntries - 1);
    }

    @Test
    void aQueryStillRunningWhenItsQuarryClosesStoresNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // close() forgets the Quarry's shapes first and closes its databases after: a get that was already past the
        // closed check then finds no entry and compiles; what it compiled must not be stored for the closed Quarry.
        try (Quarry other = Quarry.builder().url("jdbc:sqlite:" + dir.resolve("racing.db")).models(Gadget.class).build()) {
            other.createTables();
            Gadget made = Gadget.objects.using(other).create(g -> g.name = "racing");
            dev.quarry.load.Session session = dev.quarry.load.Session.of(other);
            int before = CompiledShapes.size();
            CompiledShapes.forget(session.registry(), java.util.List.of(session));
            assertThat(Gadget.objects.using(other).get("pk", made.id).name).isEqualTo("racing");
            assertThat(Gadget.objects.using(other).filter("name", "racing").first()).isPresent();
            assertThat(CompiledShapes.size()).isEqualTo(before);
        }
    }
}
