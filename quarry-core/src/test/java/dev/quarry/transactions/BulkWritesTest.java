package dev.quarry.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.IntegrityError;
import dev.quarry.OnConflict;
import dev.quarry.Quarry;
import dev.quarry.QueryError;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bulkUpdate} (Django's {@code bulk_update}: one UPDATE of CASE expressions per batch),
 * {@code bulkCreate} with {@link OnConflict} ({@code ignore_conflicts}, {@code update_conflicts}) and
 * {@code inBulk}. The Django statements and errors they follow are printed by django_facts.py.
 */
@QuarryTest(models = {Counter.class, Shelf.class, Label.class, Stock.class})
class BulkWritesTest {

    private static Counter counter(String name, int qty) {
        Counter c = new Counter();
        c.name = name;
        c.qty = qty;
        return c;
    }

    private static Map<String, Integer> quantities() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Counter c : Counter.objects.orderBy("name").list()) {
            out.put(c.name, c.qty);
        }
        return out;
    }

    @Test
    void bulkUpdateWritesTheFieldsOfEveryObjectInOneStatementPerBatch(Quarry db, Queries queries) {
        List<Counter> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(Counter.of("c" + i, i));
        }
        for (Counter c : all) {
            c.qty += 10;
            c.note = "n" + c.qty;
            c.name = c.name + "-renamed in memory only";
        }
        List<ExecutedQuery> seen = queries.assertNumQueries(1, () -> {
            assertThat(Counter.objects.bulkUpdate(all, "qty", "note")).isEqualTo(5);
        });
        String sql = seen.get(0).sql();
        assertThat(sql).startsWith("UPDATE").contains("CASE WHEN").doesNotContain("\"name\"").doesNotContain("`name`");
        // PostgreSQL casts each CASE to the column's type (Django's requires_casted_case_in_updates).
        assertThat(sql.contains("CAST(")).isEqualTo(db.vendor().equals("postgresql"));
        assertThat(quantities()).containsExactly(Map.entry("c0", 10), Map.entry("c1", 11), Map.entry("c2", 12),
                Map.entry("c3", 13), Map.entry("c4", 14));
        assertThat(Counter.objects.get("name", "c3").note).isEqualTo("n13");
        // Batches: two objects per UPDATE, in one transaction.
        all.forEach(c -> c.qty = 0);
        queries.assertNumQueries(3, () -> Counter.objects.bulkUpdate(all, List.of("qty"), 2));
        assertThat(Counter.objects.filter("qty", 0).count()).isEqualTo(5);
    }

    @Test
    void bulkUpdateWritesNullsForeignKeysAndDatesWithTheirTypes() {
        Shelf shelf = Shelf.of("s");
        Counter a = Counter.of("a", 1);
        Counter b = Counter.of("b", 2);
        a.shelf.set(shelf);
        b.shelf.set(null);
        a.touched = java.time.Instant.parse("2024-01-02T03:04:05.123456Z");
        b.touched = null;
        Counter.objects.bulkUpdate(List.of(a, b), "shelf", "touched");
        assertThat(Counter.objects.get("name", "a").shelf.id()).isEqualTo(shelf.id);
        assertThat(Counter.objects.get("name", "a").touched).isEqualTo(a.touched);
        assertThat(Counter.objects.get("name", "b").shelf.id()).isNull();
        assertThat(Counter.objects.get("name", "b").touched).isNull();
    }

    @Test
    void bulkUpdateHonoursTheQuerySetsFiltersAndCountsTheRowsMatched() {
        // Django: self.filter(pk__in=pks).update(...), so the QuerySet's own filter applies.
        Counter a = Counter.of("a", 1);
        Counter b = Counter.of("b", 1);
        Shelf shelf = Shelf.of("s");
        a.shelf.set(shelf);
        a.save();
        a.qty = 5;
        b.qty = 5;
        assertThat(Counter.objects.filter("name", "a").bulkUpdate(List.of(a, b), "qty")).isEqualTo(1);
        assertThat(shelf.related("counters", Counter.class).bulkUpdate(List.of(a, b), "qty")).isEqualTo(1);
        assertThat(quantities()).containsExactly(Map.entry("a", 5), Map.entry("b", 1));
    }

    @Test
    void bulkUpdateRefusesBeforeAnySqlWhatDjangoRefuses(Queries queries) {
        Counter a = Counter.of("a", 1);
        Counter unsaved = counter("new", 1);
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Counter.objects.bulkUpdate(List.of(a), "id"))
                    .isInstanceOf(FieldError.class).hasMessageContaining("primary key");
            assertThatThrownBy(() -> Counter.objects.bulkUpdate(List.of(a), "nope")).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Choices are");
            assertThatThrownBy(() -> Counter.objects.bulkUpdate(List.of(a), "labels")).isInstanceOf(FieldError.class)
                    .hasMessageContaining("many-to-many");
            assertThatThrownBy(() -> Counter.objects.bulkUpdate(List.of(a), List.of(), 0)).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Field names must be given");
            assertThatThrownBy(() -> Counter.objects.bulkUpdate(List.of(a, unsaved), "qty")).isInstanceOf(QueryError.class)
                    .hasMessageContaining("primary key set");
            assertThat(Counter.objects.bulkUpdate(List.of(), "qty")).isZero();
        });
    }

    @Test
    void ignoreConflictsSkipsRowsWhoseUniqueKeyExistsAndSetsNoKeys(Queries queries) {
        Counter.of("a", 1);
        List<Counter> batch = List.of(counter("a", 99), counter("b", 2));
        List<ExecutedQuery> seen = queries.assertNumQueries(1, () -> {
            Counter.objects.bulkCreate(batch, OnConflict.ignore());
        });
        assertThat(seen.get(0).sql()).contains("ON ");
        assertThat(quantities()).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
        // As Django's ignore_conflicts: the database does not say which rows went in.
        assertThat(batch).allSatisfy(c -> {
            assertThat(c.id).isNull();
            assertThat(c.isPersisted()).isFalse();
        });
    }

    @Test
    @Committing // foreign keys are checked at commit on SQLite and PostgreSQL (deferred)
    void ignoreConflictsStillRefusesAMissingForeignKeyOnEveryDatabase(Quarry db) {
        // Django's INSERT IGNORE (MySQL) or INSERT OR IGNORE (SQLite) would skip or alter such rows;
        // Quarry ignores duplicate keys only.
        Counter orphan = counter("orphan", 1);
        orphan.shelf.setId(999_999L);
        assertThatThrownBy(() -> db.atomic().run(() -> Counter.objects.bulkCreate(List.of(orphan), OnConflict.ignore())))
                .isInstanceOf(IntegrityError.class);
        assertThat(Counter.objects.exists()).isFalse();
    }

    @Test
    void updateConflictsUpdatesTheNamedFieldsOfExistingRowsAndSetsEveryKey(Queries queries) {
        Counter a = Counter.of("a", 1);
        List<Counter> batch = List.of(counter("a", 10), counter("b", 20));
        batch.get(0).note = "not written";
        queries.assertNumQueries(1, () -> Counter.objects.bulkCreate(batch, OnConflict.update(List.of("name"), "qty")));
        assertThat(quantities()).containsExactly(Map.entry("a", 10), Map.entry("b", 20));
        assertThat(Counter.objects.get("name", "a").note).isEmpty();
        assertThat(batch.get(0).id).isEqualTo(a.id);
        assertThat(batch.get(1).id).isEqualTo(Counter.objects.get("name", "b").id);
        assertThat(batch).allSatisfy(c -> assertThat(c.isPersisted()).isTrue());
    }

    @Test
    void updateConflictsRaisesTheVersionOfAVersionedRow() {
        Stock s = Stock.of("bolts", 1);
        Stock incoming = new Stock();
        incoming.name = "bolts";
        incoming.qty = 7;
        Stock.objects.bulkCreate(List.of(incoming), OnConflict.update(List.of("name"), "qty"));
        Stock now = Stock.objects.get("name", "bolts");
        assertThat(now.qty).isEqualTo(7);
        assertThat(now.version).isEqualTo(s.version + 1);
    }

    @Test
    void onConflictNamesAreCheckedBeforeAnySql(Queries queries) {
        List<Counter> batch = List.of(counter("a", 1));
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Counter.objects.bulkCreate(batch, OnConflict.update(List.of("qty"), "note")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("unique fields are: id, name");
            assertThatThrownBy(() -> Counter.objects.bulkCreate(batch, OnConflict.update(List.of("name"), "id")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("primary key");
            assertThatThrownBy(() -> Counter.objects.bulkCreate(batch, OnConflict.update(List.of("name"), "labels")))
                    .isInstanceOf(FieldError.class).hasMessageContaining("concrete");
            assertThatThrownBy(() -> Stock.objects.bulkCreate(List.of(new Stock()), OnConflict.update(List.of("name"),
                    "version"))).isInstanceOf(FieldError.class).hasMessageContaining("version field");
            assertThatThrownBy(() -> OnConflict.update(List.of(), "qty")).isInstanceOf(QueryError.class);
        });
        assertThat(OnConflict.update(List.of("name"), "qty")).isEqualTo(OnConflict.update(List.of("name"), "qty"))
                .hasToString("OnConflict.update([name], [qty])");
    }

    @Test
    void inBulkMapsTheCallersKeysToRowsInTheirOrder(Queries queries) {
        Counter a = Counter.of("a", 1);
        Counter b = Counter.of("b", 2);
        // The caller's Integer keys find Long-keyed rows; a missing key is left out.
        List<Integer> keys = List.of(b.id.intValue(), 999_999, a.id.intValue());
        Map<Integer, Counter> byId = queries.assertNumQueries(1, () -> Counter.objects.inBulk(keys));
        assertThat(byId.keySet()).containsExactly(b.id.intValue(), a.id.intValue());
        assertThat(byId.get(a.id.intValue())).isEqualTo(a);
        Map<String, Counter> byName = Counter.objects.filter("qty__gt", 1).inBulk("name", List.of("a", "b"));
        assertThat(byName).containsOnlyKeys("b");
        queries.assertNumQueries(0, () -> assertThat(Counter.objects.inBulk(List.of())).isEmpty());
    }

    @Test
    void inBulkRefusesANonUniqueFieldAndASlicedQuery(Queries queries) {
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Counter.objects.inBulk("qty", List.of(1))).isInstanceOf(FieldError.class)
                    .hasMessageContaining("must be a unique field");
            assertThatThrownBy(() -> Counter.objects.limit(1).inBulk(List.of(1L))).isInstanceOf(QueryError.class)
                    .hasMessageContaining("limit");
        });
    }
}
