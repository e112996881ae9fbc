package dev.quarry.semantics;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quarry.Ordering;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregates in SQL: annotate, HAVING, grouping by values, aggregate(), and no fan-out between relations. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class AggregationTest {

    private static List<String> rows(Iterable<Writer> writers, String... annotations) {
        List<String> out = new ArrayList<>();
        for (Writer w : writers) {
            StringBuilder sb = new StringBuilder(w.name);
            for (String a : annotations) {
                sb.append('|').append(w.annotation(a));
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void countOverAReverseRelationIncludesRowsWithoutRelatedRows(Queries queries) {
        new Library();
        var qs = Writer.objects.annotate("n", count("novels")).orderBy("name");
        queries.assertNumQueries(1, qs::list);
        assertThat(rows(qs, "n")).containsExactly("Ann|2", "Bob|1", "Cat|1", "Dan|0");
        assertThat(qs.first().orElseThrow().annotation("n")).isInstanceOf(Long.class);
    }

    @Test
    void averageTwoHopsAwayIsNullWithoutRows() {
        new Library();
        var qs = Writer.objects.annotate("a", avg("novels__critique__stars")).orderBy("name").list();
        assertThat(qs.get(0).annotation("a", Double.class)).isCloseTo(10.0 / 3, within(1e-9));
        assertThat(qs.get(1).annotation("a")).isEqualTo(5.0);
        assertThat(qs.get(2).annotation("a")).isNull();
        assertThat(qs.get(3).annotation("a")).isNull();
    }

    @Test
    void filterOnAnAnnotationAliasBecomesHaving() {
        Library lib = new Library();
        var qs = Writer.objects.annotate("n", count("novels")).filter("n__gte", 2);
        assertThat(qs.sql().text()).contains("HAVING");
        assertThat(qs.list()).containsExactly(lib.ann);
        assertThat(Writer.objects.annotate("n", count("novels")).filter("n", 0).list()).containsExactly(lib.dan);
    }

    @Test
    void annotateAfterFilterAggregatesOnlyTheFilteredRelatedRows() {
        new Library();
        // Django: the filter's join is reused, so only novels from 2020 on are counted.
        var qs = Writer.objects.filter("novels__published__year__gte", 2020).annotate("n", count("novels")).orderBy("name");
        assertThat(rows(qs, "n")).containsExactly("Ann|1", "Bob|1");
    }

    @Test
    void annotateAfterFilterTwoHopsAwayAggregatesOnlyTheFilteredRows() {
        new Library();
        // Django reuses the filter's join: only critiques of novels from 2020 on count
        // (Ann: Beta's 3 stars; Bob: Gamma's 5).
        var qs = Writer.objects.filter("novels__published__year__gte", 2020)
                .annotate("a", avg("novels__critique__stars")).annotate("n", count("novels__critique")).orderBy("name");
        assertThat(rows(qs, "a", "n")).containsExactly("Ann|3.0|1", "Bob|5.0|1");
    }

    @Test
    void aSecondAggregateDownTheSameChainDoesNotInflateTheFirst() {
        new Library();
        // Django: count("novels") would count Ann's novels once per critique (3); Quarry keeps 2.
        var qs = Writer.objects.annotate("n", count("novels")).annotate("a", avg("novels__critique__stars")).orderBy("name");
        assertThat(rows(qs, "n")).containsExactly("Ann|2", "Bob|1", "Cat|1", "Dan|0");
        assertThat(qs.list().get(1).annotation("a")).isEqualTo(5.0);
    }

    @Test
    void aggregatesOverTwoMultiValuedRelationsKeepTheirTrueValues() {
        new Library();
        // Django multiplies these through the join fan-out (ticket #10060); Quarry computes the
        // second in a correlated subquery.
        var qs = Novel.objects.annotate("labels_n", count("labels")).annotate("critiques_n", count("critique"))
                .orderBy("title");
        List<String> out = new ArrayList<>();
        for (Novel n : qs) {
            out.add(n.title + "|" + n.annotation("labels_n") + "|" + n.annotation("critiques_n"));
        }
        assertThat(out).containsExactly("Alpha|1|2", "Beta|1|1", "Delta|0|0", "Gamma|2|1");
    }

    @Test
    void countDistinctCountsEachValueOnce() {
        new Library();
        var qs = Writer.objects.annotate("critics", count("novels__critique__critic", true)).orderBy("name");
        assertThat(rows(qs, "critics")).containsExactly("Ann|2", "Bob|1", "Cat|0", "Dan|0");
    }

    @Test
    void valuesThenAnnotateGroupsByTheValues() {
        new Library();
        List<List<Object>> rows = Critique.objects.valuesList("critic").annotate("n", count("id")).orderBy("critic").list();
        assertThat(rows).containsExactly(List.of("x", 2L), List.of("y", 1L), List.of("z", 1L));
    }

    @Test
    void aggregateOverAFilteredQuerySet() {
        new Library();
        Map<String, Object> agg = Critique.objects.filter("stars__gte", 3)
                .aggregate(avg("stars"), count("id"), sum("stars"), min("stars"), max("stars")).asMap();
        assertThat((Double) agg.get("stars__avg")).isCloseTo(13.0 / 3, within(1e-9));
        assertThat(agg).containsEntry("id__count", 3L).containsEntry("stars__sum", 13L)
                .containsEntry("stars__min", 3).containsEntry("stars__max", 5);
    }

    @Test
    void orderingByAnAggregateWithNullsLastIsTheSameEverywhere() {
        new Library();
        var qs = Writer.objects.annotate("a", avg("novels__critique__stars"))
                .orderBy(Ordering.desc("a").nullsLast(), Ordering.asc("name"));
        assertThat(qs.list()).extracting(w -> w.name).containsExactly("Bob", "Ann", "Cat", "Dan");
        var first = Writer.objects.annotate("a", avg("novels__critique__stars"))
                .orderBy(Ordering.desc("a").nullsFirst(), Ordering.asc("name"));
        assertThat(first.list()).extracting(w -> w.name).containsExactly("Cat", "Dan", "Bob", "Ann");
    }

    @Test
    void topNByAnnotationWithLimit() {
        new Library();
        var qs = Writer.objects.annotate("n", count("novels")).orderBy("-n", "name").limit(2);
        assertThat(rows(qs, "n")).containsExactly("Ann|2", "Bob|1");
    }
}
