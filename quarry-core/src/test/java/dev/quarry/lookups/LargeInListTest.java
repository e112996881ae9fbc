package dev.quarry.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Sql;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An {@code in} lookup takes any number of values on every backend: pgjdbc refuses more than 65,535
 * parameters (PostgreSQL gets one array, {@code = ANY(?)}), the SQLite of sqlite-jdbc more than
 * 250,000 (SQLite gets one JSON array read by {@code json_each}), and MariaDB Connector/J prepares on
 * the client without a limit. Lists of up to 1,000 values keep {@code IN (?, ...)} everywhere.
 */
@QuarryTest(models = {Box.class, Item.class})
class LargeInListTest {
    private static final int N = 100_000;
    private static final int PER_BOX = 30;
    private static final int ITEMS = 20 * PER_BOX;
    private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    private static final Instant SEEN = Instant.parse("2000-01-01T00:00:00Z");

    private final List<Box> boxes = new ArrayList<>();
    private final List<Item> items = new ArrayList<>();

    /** 20 boxes of 30 items each; item i has code c0i and was made i days after 2000-01-01. */
    private void fill() {
        for (int b = 0; b < 20; b++) {
            Box box = new Box();
            box.name = "box" + b;
            boxes.add(box);
        }
        Box.objects.bulkCreate(boxes);
        for (int i = 0; i < ITEMS; i++) {
            Item item = new Item();
            item.code = String.format("c%04d", i);
            item.made = FIRST.plusDays(i);
            item.seen = SEEN.plusSeconds(i * 3_600L + 1).plusNanos(123_456_000);
            item.box.set(boxes.get(i / PER_BOX));
            items.add(item);
        }
        Item.objects.bulkCreate(items);
    }

    /** The keys of the items at even positions, padded to {@code size} values with keys no row has. */
    private List<Object> evenItemKeysAmong(int size) {
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < items.size(); i += 2) {
            values.add(items.get(i).id);
        }
        for (long k = -1; values.size() < size; k--) {
            values.add(k);
        }
        return values;
    }

    private List<Long> evenItemKeys() {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 2) {
            out.add(items.get(i).id);
        }
        return out;
    }

    private List<Long> oddItemKeys() {
        List<Long> out = new ArrayList<>();
        for (int i = 1; i < items.size(); i += 2) {
            out.add(items.get(i).id);
        }
        return out;
    }

    @Test
    void filterByAHundredThousandKeysMatchesExactlyTheListedRows(Queries queries) {
        fill();
        List<Object> values = evenItemKeysAmong(N);
        assertThat(queries.assertNumQueries(1, () -> Item.objects.filter("pk__in", values).count())).isEqualTo(ITEMS / 2);
        assertThat(Item.objects.filter("pk__in", values).orderBy("pk").valuesList("id", Long.class).list())
                .isEqualTo(evenItemKeys());
    }

    @Test
    void excludeByAHundredThousandKeysKeepsExactlyTheOtherRows(Queries queries) {
        fill();
        List<Object> values = evenItemKeysAmong(N);
        assertThat(queries.assertNumQueries(1, () -> Item.objects.exclude("pk__in", values).count())).isEqualTo(ITEMS / 2);
        assertThat(Item.objects.exclude("pk__in", values).orderBy("pk").valuesList("id", Long.class).list())
                .isEqualTo(oddItemKeys());
    }

    @Test
    void textDateAndInstantListsOfAHundredThousandValues() {
        fill();
        List<String> codes = new ArrayList<>(N);
        List<LocalDate> dates = new ArrayList<>(N);
        List<Instant> instants = new ArrayList<>(N);
        for (int i = 0; i < items.size(); i += 2) {
            codes.add(items.get(i).code);
            dates.add(items.get(i).made);
            instants.add(items.get(i).seen);
        }
        for (int k = 0; codes.size() < N; k++) {
            codes.add("none " + k + " \" \\ ' é");
            dates.add(FIRST.minusDays(k + 1));
            instants.add(SEEN.minusSeconds(k + 1));
        }
        assertThat(Item.objects.filter("code__in", codes).count()).isEqualTo(ITEMS / 2);
        assertThat(Item.objects.exclude("code__in", codes).orderBy("pk").valuesList("id", Long.class).list())
                .isEqualTo(oddItemKeys());
        assertThat(Item.objects.filter("made__in", dates).orderBy("pk").valuesList("id", Long.class).list())
                .isEqualTo(evenItemKeys());
        assertThat(Item.objects.filter("seen__in", instants).orderBy("pk").valuesList("id", Long.class).list())
                .isEqualTo(evenItemKeys());
        assertThat(Item.objects.exclude("seen__in", instants).count()).isEqualTo(ITEMS / 2);
    }

    @Test
    void pkInThroughARelationWithAHundredThousandValues() {
        fill();
        // The items of the first five boxes, among keys no row has.
        List<Object> itemKeys = new ArrayList<>(N);
        for (int i = 0; i < 5 * PER_BOX; i++) {
            itemKeys.add(items.get(i).id);
        }
        for (long k = -1; itemKeys.size() < N; k--) {
            itemKeys.add(k);
        }
        assertThat(Box.objects.filter("items__pk__in", itemKeys).distinct().orderBy("name")
                .valuesList("name", String.class).list()).containsExactly("box0", "box1", "box2", "box3", "box4");
        assertThat(Box.objects.exclude("items__pk__in", itemKeys).count()).isEqualTo(15);
        List<Object> boxKeys = new ArrayList<>(N);
        for (int b = 0; b < 5; b++) {
            boxKeys.add(boxes.get(b).id);
        }
        for (long k = -1; boxKeys.size() < N; k--) {
            boxKeys.add(k);
        }
        assertThat(Item.objects.filter("box__pk__in", boxKeys).count()).isEqualTo(5 * PER_BOX);
        assertThat(Item.objects.filter("box__in", boxKeys).count()).isEqualTo(5 * PER_BOX);
        assertThat(Item.objects.exclude("box_id__in", boxKeys).count()).isEqualTo(15 * PER_BOX);
    }

    @Test
    void updateAndDeleteTakeAHundredThousandKeys(Queries queries) {
        fill();
        List<Object> values = evenItemKeysAmong(N);
        assertThat(queries.assertNumQueries(1, () -> Item.objects.filter("pk__in", values).update("code", "even")))
                .isEqualTo(ITEMS / 2);
        assertThat(Item.objects.filter("code", "even").count()).isEqualTo(ITEMS / 2);
        assertThat(queries.assertNumQueries(1, () -> Item.objects.filter("pk__in", values).delete()))
                .isEqualTo(Map.of("Item", ITEMS / 2));
        assertThat(Item.objects.orderBy("pk").valuesList("id", Long.class).list()).isEqualTo(oddItemKeys());
    }

    @Test
    void aListLongerThanAnyBackendsParameterLimitWorks() {
        fill();
        // 300,000 values: past pgjdbc's 65,535 and sqlite-jdbc's 250,000 parameters.
        assertThat(Item.objects.filter("pk__in", evenItemKeysAmong(300_000)).count()).isEqualTo(ITEMS / 2);
    }

    @Test
    void shortListsKeepThePlainInForm() {
        Sql sql = Item.objects.filter("pk__in", List.of(1L, 2L, 3L)).sql();
        assertThat(sql.text()).contains("IN (?, ?, ?)");
        assertThat(sql.parameters()).hasSize(3);
        List<Object> thousand = new ArrayList<>();
        for (long k = 1; k <= 1_000; k++) {
            thousand.add(k);
        }
        assertThat(Item.objects.filter("pk__in", thousand).sql().parameters()).hasSize(1_000);
    }
}
