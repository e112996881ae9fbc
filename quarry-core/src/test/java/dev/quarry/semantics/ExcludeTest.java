package dev.quarry.semantics;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Q;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import dev.quarry.test.QuarryTest;
import org.junit.jupiter.api.Test;

/** exclude(q) returns exactly the rows filter(q) leaves out, on every backend. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class ExcludeTest {

    private static void assertComplement(Q q) {
        Set<Writer> all = new HashSet<>(Writer.objects.all().list());
        Set<Writer> in = new HashSet<>(Writer.objects.filter(q).distinct().list());
        List<Writer> outList = Writer.objects.exclude(q).list();
        Set<Writer> out = new HashSet<>(outList);
        assertThat(outList).as("exclude(%s) has no duplicates", q).doesNotHaveDuplicates();
        assertThat(in).as("filter(%s) and exclude(%s) are disjoint", q, q).doesNotContainAnyElementsOf(out);
        Set<Writer> union = new HashSet<>(in);
        union.addAll(out);
        assertThat(union).as("filter(%s) and exclude(%s) cover every row", q, q).isEqualTo(all);
    }

    @Test
    void excludeIsTheExactComplementOfFilter() {
        Library lib = new Library();
        lib.ann.born = 1950;
        lib.ann.save();
        assertComplement(Q.of("novels__critique__stars", 5));
        // Quarry, unlike Django (ticket #14645): both conditions refer to one novel, as in filter().
        assertComplement(Q.of("novels__labels__name", "fantasy").and(Q.of("novels__published__year", 2019)));
        assertComplement(Q.of("born", 1950));
        assertComplement(Q.of("novels__title", "Alpha").or(Q.of("name", "Dan")));
        assertComplement(Q.not(Q.of("novels__isnull", true)));
        assertComplement(Q.of("edited__title", "Beta"));
    }

    @Test
    void excludeOnAMultiValuedPathIsNotExists() {
        Library lib = new Library();
        assertThat(Writer.objects.exclude("novels__critique__stars", 5).sql().text()).contains("NOT EXISTS");
        assertThat(Writer.objects.exclude("novels__critique__stars", 5).orderBy("name").list())
                .containsExactly(lib.cat, lib.dan);
    }

    @Test
    void conditionsInOneExcludeCallReferToTheSameRelatedRow() {
        Library lib = new Library();
        // Only Ann has a novel that is fantasy AND from 2019 (Alpha).
        assertThat(Writer.objects.exclude(Q.of("novels__labels__name", "fantasy").and(Q.of("novels__published__year", 2019)))
                .orderBy("name").list()).containsExactly(lib.bob, lib.cat, lib.dan);
    }

    @Test
    void excludeOnANonNullColumnIsAPlainNot() {
        Library lib = new Library();
        String sql = Writer.objects.exclude("name", "Ann").sql().text();
        assertThat(sql).contains("NOT (").doesNotContain("EXISTS");
        assertThat(Writer.objects.exclude("name", "Ann").orderBy("name").list()).containsExactly(lib.bob, lib.cat, lib.dan);
    }

    @Test
    void excludeOnANullableColumnKeepsTheNulls() {
        Library lib = new Library();
        lib.ann.born = 1950;
        lib.ann.save();
        // SQL's NOT (born = 1950) would drop the NULL rows; the complement keeps them.
        assertThat(Writer.objects.exclude("born", 1950).orderBy("name").list()).containsExactly(lib.bob, lib.cat, lib.dan);
    }

    @Test
    void excludeOnAnAggregateBecomesHaving() {
        Library lib = new Library();
        var qs = Writer.objects.annotate("n", count("novels")).exclude("n", 0).orderBy("name");
        assertThat(qs.sql().text()).contains("HAVING");
        assertThat(qs.list()).containsExactly(lib.ann, lib.bob, lib.cat);
    }
}
