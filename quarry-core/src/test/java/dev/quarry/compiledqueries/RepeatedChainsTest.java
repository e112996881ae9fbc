package dev.quarry.compiledqueries;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A chain of steps built again on the same query with equal arguments gives the same (immutable)
 * QuerySet it gave before, so that a service building the same query on every request makes
 * nothing anew (issue 13, W9): a query remembers the last step built on it from its second step
 * on, and replaces that memo on about one other step in 16. Other arguments, another value, a
 * value that could change after the call or is large, always give a query of their own. Expected
 * rows are computed in Java from the rows each test makes.
 */
@QuarryTest(models = {Maker.class, Part.class})
class RepeatedChainsTest {
    private final List<Maker> makers = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    private void seed() {
        Catalog.seed(makers, parts);
    }

    private static QuerySet<Maker> withParts(int atLeast) {
        return Maker.objects.annotate("n", count("parts")).filter("n__gte", atLeast).orderBy("-n", "name").limit(3);
    }

    private List<String> withPartsInJava(int atLeast) {
        Map<String, Long> n = new HashMap<>();
        for (Maker m : makers) {
            n.put(m.name, parts.stream().filter(p -> Objects.equals(p.maker.id(), m.id)).count());
        }
        return n.entrySet().stream().filter(e -> e.getValue() >= atLeast)
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    @Test
    void aChainBuiltAgainIsTheSameQuerySetAndRunsTheSameRows(Queries queries) {
        seed();
        QuerySet<Maker> first = withParts(3);
        QuerySet<Maker> settled = null;
        for (int i = 0; i < 400; i++) {
            settled = withParts(3);
        }
        // Each query of the chain memoizes from its second step on, and a memo another chain left on the
        // model's shared all-rows query is replaced on one miss in 16: 400 builds settle the chain all but surely.
        assertThat(withParts(3)).isSameAs(settled);
        assertThat(first.sql()).isEqualTo(settled.sql());
        List<Maker> rows = queries.assertNumQueries(1, settled::list);
        assertThat(rows).extracting(m -> m.name).containsExactlyElementsOf(withPartsInJava(3));
        assertThat(queries.assertNumQueries(1, () -> withParts(3).list())).extracting(m -> m.name)
                .containsExactlyElementsOf(withPartsInJava(3));
    }

    @Test
    void anotherValueOrArgumentGivesAQueryOfItsOwn(Queries queries) {
        seed();
        for (int i = 0; i < 10; i++) {
            withParts(3);
        }
        QuerySet<Maker> three = withParts(3);
        for (int atLeast = 0; atLeast <= 4; atLeast++) {
            int k = atLeast;
            QuerySet<Maker> q = withParts(k);
            if (k != 3) {
                assertThat(q).isNotSameAs(three);
            }
            assertThat(queries.assertNumQueries(1, q::list)).as("n >= " + k).extracting(m -> m.name)
                    .containsExactlyElementsOf(withPartsInJava(k));
        }
        // A long 3 is another value than an int 3 (as for the shapes), and each step's arguments count.
        QuerySet<Maker> base = Maker.objects.annotate("n", count("parts"));
        assertThat(base.filter("n__gte", 3L)).isNotSameAs(base.filter("n__gte", 3));
        QuerySet<Maker> filtered = base.filter("n__gte", 3);
        assertThat(filtered.orderBy("name")).isNotSameAs(filtered.orderBy("-name"));
        assertThat(filtered.orderBy("name").limit(1)).isNotSameAs(filtered.orderBy("name").limit(2));
        // Three parts each for makers a and c; b and d lost their sixth parts (Catalog.seed).
        assertThat(filtered.orderBy("-name").limit(1).list()).extracting(m -> m.name).containsExactly("c");
        assertThat(filtered.orderBy("name").limit(1).list()).extracting(m -> m.name).containsExactly("a");
        assertThat(Maker.objects.annotate("m", count("parts")).filter("m__gte", 3).orderBy("name").list())
                .extracting(m -> m.annotation("m", Long.class)).containsExactly(3L, 3L);
    }

    @Test
    void aQueryBuiltOnOnceKeepsNothingAndAMemoIsReplacedByAStepBuiltOftenEnough() {
        seed();
        QuerySet<Part> base = Part.objects.filter("weight__gte", 1);
        QuerySet<Part> byName = base.orderBy("name");
        // The first step built on a query leaves no memo; the second is remembered.
        QuerySet<Part> again = base.orderBy("name");
        assertThat(again).isNotSameAs(byName);
        assertThat(base.orderBy("name")).isSameAs(again);
        // Another step built over and over takes the memo's place (one miss in 16 replaces it; 400 misses all but surely do).
        QuerySet<Part> last = null;
        for (int i = 0; i < 400; i++) {
            last = base.orderBy("-name");
        }
        assertThat(base.orderBy("-name")).isSameAs(last);
        assertThat(last.list()).extracting(p -> p.name).containsExactlyElementsOf(parts.stream().filter(p -> p.weight >= 1)
                .map(p -> p.name).sorted(Comparator.reverseOrder()).toList());
    }

    @Test
    void valuesThatCouldChangeOrAreLargeAreNeverShared() {
        seed();
        QuerySet<Part> base = Part.objects.filter("weight__gte", 0);
        List<String> names = new ArrayList<>(List.of("p01", "p02"));
        QuerySet<Part> a = base.filter("name__in", names);
        QuerySet<Part> b = base.filter("name__in", names);
        QuerySet<Part> c = base.filter("name__in", new ArrayList<>(names));
        assertThat(c).isNotSameAs(b).isNotSameAs(a);
        names.add("p03");
        // c was built with its own list: what another caller does to an equal list afterwards is not c's business.
        assertThat(c.orderBy("name").list()).extracting(p -> p.name).containsExactly("p01", "p02");
        String large = "x".repeat(300);
        base.filter("name", large);
        QuerySet<Part> l1 = base.filter("name", large);
        assertThat(base.filter("name", large)).isNotSameAs(l1);
        assertThat(l1.list()).isEmpty();
        Part p = parts.get(1);
        assertThat(Part.objects.filter("maker", p.maker.get())).isNotSameAs(Part.objects.filter("maker", p.maker.get()));
    }

    @Test
    @Committing
    void sixteenThreadsBuildingTheSameAndOtherChainsOnOneQueryEachGetTheirRows(Quarry quarry) throws Exception {
        seed();
        parts.get(0).delete();
        parts.remove(0);
        Map<Integer, List<String>> expected = new HashMap<>();
        for (int k = 0; k <= 4; k++) {
            expected.put(k, withPartsInJava(k));
        }
        // One base query shared by the threads (the installed Quarry is this thread's), as a service keeps one.
        QuerySet<Maker> base = Maker.objects.using(quarry).annotate("n", count("parts"));
        List<String> wrong = SixteenThreads.run(100, (thread, round) -> {
            int k = round % 4 == 0 ? (thread + round) % 5 : 2;
            List<String> got = base.filter("n__gte", k).orderBy("-n", "name").limit(3).list().stream().map(m -> m.name)
                    .toList();
            return got.equals(expected.get(k)) ? null : "thread " + thread + " round " + round + " n >= " + k + ": " + got;
        });
        assertThat(wrong).isEmpty();
    }
}
