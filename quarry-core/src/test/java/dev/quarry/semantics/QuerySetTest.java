package dev.quarry.semantics;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Ordering;
import dev.quarry.QueryError;
import dev.quarry.QuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** QuerySets are lazy, immutable values that run their query at each terminal call; get/first/last, slicing, values, update, stream. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class QuerySetTest {

    @Test
    void buildingAQuerySetRunsNoSql(Queries queries) {
        new Library();
        queries.assertNumQueries(0, () -> {
            Writer.objects.filter("novels__title__icontains", "a").exclude("name", "Dan").annotate("n", count("novels"))
                    .orderBy("-n").distinct().limit(3);
        });
    }

    @Test
    void aKeptQuerySetRunsItsQueryEachTimeAndNeverAnswersWithStaleRows(Queries queries) {
        // Quarry 0.2 departs from Django's result cache (ADR 0004): a QuerySet is a value, and each
        // terminal call runs the query, so a QuerySet kept in a field sees rows added later.
        new Library();
        QuerySet<Writer> qs = Writer.objects.orderBy("name");
        assertThat(queries.assertNumQueries(1, qs::list)).hasSize(4);
        Writer.objects.create(Map.of("name", "Eve"));
        queries.assertNumQueries(5, () -> {
            assertThat(qs.list()).hasSize(5);
            assertThat(qs.count()).isEqualTo(5);
            assertThat(qs.exists()).isTrue();
            assertThat(qs.last().orElseThrow().name).isEqualTo("Eve");
            int n = 0;
            for (Writer w : qs) {
                n++;
            }
            assertThat(n).isEqualTo(5);
        });
        assertThatThrownBy(() -> qs.list().add(new Writer())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void filterReturnsANewQuerySetAndLeavesTheOriginalUnchanged() {
        new Library();
        QuerySet<Writer> qs = Writer.objects.filter("name__startswith", "A");
        String before = qs.sql().toString();
        QuerySet<Writer> narrower = qs.filter("born__isnull", true).orderBy("-name");
        assertThat(qs.sql().toString()).isEqualTo(before);
        assertThat(narrower.sql().toString()).isNotEqualTo(before);
    }

    @Test
    void getNamesTheModelAndTheLookupWhenItFails() {
        new Library();
        // The lookup is named with a placeholder for each value: messages never carry user data.
        assertThatThrownBy(() -> Writer.objects.get("name", "Nobody")).isInstanceOf(DoesNotExist.class)
                .hasMessage("Writer matching query does not exist. Lookup: filter(name=?)")
                .satisfies(e -> assertThat(((DoesNotExist) e).model()).isEqualTo(Writer.class));
        assertThatThrownBy(() -> Writer.objects.get("name__contains", "n")).isInstanceOf(MultipleObjectsReturned.class)
                .hasMessageContaining("Writer").hasMessageContaining("returned 2").hasMessageContaining("name__contains=?")
                .hasMessageNotContaining("'n'");
    }

    @Test
    void firstOnAnUnorderedQuerySetOrdersByPrimaryKey() {
        Library lib = new Library();
        assertThat(Writer.objects.first()).contains(lib.ann);
        assertThat(Writer.objects.last()).contains(lib.dan);
        assertThat(Writer.objects.orderBy("-name").first()).contains(lib.dan);
        assertThat(Writer.objects.filter("name", "Nobody").first()).isEmpty();
    }

    @Test
    void countAndExistsRunOneQueryEach(Queries queries) {
        new Library();
        assertThat(queries.assertNumQueries(1, () -> Writer.objects.filter("novels__isnull", false).distinct().count()))
                .isEqualTo(3L);
        assertThat(queries.assertNumQueries(1, () -> Writer.objects.filter("name", "Dan").exists())).isTrue();
        assertThat(queries.assertNumQueries(1, () -> Writer.objects.annotate("n", count("novels")).filter("n", 2).count()))
                .isEqualTo(1L);
    }

    @Test
    void slicesComposeAsPythonSlicesDo() {
        Library lib = new Library();
        QuerySet<Writer> byName = Writer.objects.orderBy("name");
        assertThat(byName.limit(2).list()).containsExactly(lib.ann, lib.bob);
        assertThat(byName.offset(1).limit(2).list()).containsExactly(lib.bob, lib.cat);
        assertThat(byName.slice(1, 3).list()).containsExactly(lib.bob, lib.cat);
        assertThat(byName.offset(2).list()).containsExactly(lib.cat, lib.dan);
        // limit and offset are independent settings (LIMIT 3 OFFSET 1), in either order ...
        assertThat(byName.limit(3).offset(1).list()).containsExactly(lib.bob, lib.cat, lib.dan);
        assertThat(byName.offset(1).limit(3).list()).containsExactly(lib.bob, lib.cat, lib.dan);
        assertThat(byName.limit(3).limit(1).list()).containsExactly(lib.ann);
        // ... while slice(from, to) composes as Python slices do, within the current window.
        assertThat(byName.slice(1, 4).slice(1, 2).list()).containsExactly(lib.cat);
        assertThat(byName.limit(2).slice(1, 10).list()).containsExactly(lib.bob);
        assertThatThrownBy(() -> byName.limit(2).filter("name", "Ann")).isInstanceOf(QueryError.class)
                .hasMessageContaining("Cannot filter a query once limit, offset or slice has been applied");
        assertThatThrownBy(() -> byName.limit(-1)).isInstanceOf(QueryError.class).hasMessageContaining("Negative limit");
    }

    @Test
    void orderingAcrossRelationsAndNullableKeys() {
        Library lib = new Library();
        assertThat(Novel.objects.orderBy("writer__name", "-title").list())
                .containsExactly(lib.beta, lib.alpha, lib.gamma, lib.delta);
        assertThat(Novel.objects.orderBy(Ordering.asc("editor__name").nullsLast(), Ordering.asc("title")).list())
                .containsExactly(lib.beta, lib.alpha, lib.delta, lib.gamma);
    }

    @Test
    void valuesAndValuesList() {
        Library lib = new Library();
        assertThat(Writer.objects.orderBy("name").valuesList("name", String.class).list())
                .containsExactly("Ann", "Bob", "Cat", "Dan");
        Map<String, Object> row = Writer.objects.filter("name", "Ann").values().first().orElseThrow();
        assertThat(row).containsOnlyKeys("id", "name", "born").containsEntry("name", "Ann");
        Map<String, Object> novel = Novel.objects.filter("title", "Beta").values().first().orElseThrow();
        assertThat(novel).containsEntry("writer_id", lib.ann.id).containsEntry("editor_id", lib.bob.id);
        assertThat(Novel.objects.filter("title", "Beta").values("title", "writer__name").first()).get()
                .isEqualTo(Map.of("title", "Beta", "writer__name", "Ann"));
        assertThat(Critique.objects.valuesList("novel__writer__name", String.class).distinct().orderBy("novel__writer__name").list())
                .containsExactly("Ann", "Bob");
    }

    @Test
    void streamReadsRowsThroughACursorWithoutKeepingThem() {
        new Library();
        try (Stream<Writer> s = Writer.objects.orderBy("name").stream()) {
            assertThat(s.map(w -> w.name).toList()).containsExactly("Ann", "Bob", "Cat", "Dan");
        }
    }

    @Test
    void updateChangesEveryMatchingRowInOneStatement(Queries queries) {
        new Library();
        int n = queries.assertNumQueries(1, () -> Novel.objects.filter("writer__name", "Ann").update("title", "Renamed"));
        assertThat(n).isEqualTo(2);
        assertThat(Novel.objects.filter("title", "Renamed").count()).isEqualTo(2);
        assertThat(Writer.objects.filter("name", "Dan").update(Map.of("born", 1970, "name", "Daniel"))).isEqualTo(1);
        assertThat(Writer.objects.get("born", 1970).name).isEqualTo("Daniel");
    }

    @Test
    void reverseFlipsTheOrdering() {
        Library lib = new Library();
        assertThat(Writer.objects.orderBy("name").reverse().list()).containsExactly(lib.dan, lib.cat, lib.bob, lib.ann);
        assertThat(List.copyOf(Writer.objects.all().reverse().list())).first().isEqualTo(lib.dan);
    }
}
