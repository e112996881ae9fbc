package dev.quarry.bulkcreate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.OnConflict;
import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code bulkCreate} on PostgreSQL binds one array per column ({@code INSERT ... SELECT * FROM unnest(...)}, as
 * Django 5.2 does there), so the statement has a parameter per column whatever the number of rows and is planned
 * once; the rows it stores are exactly those that {@code save()} stores one by one, on every backend, NULLs and
 * awkward text included. Columns of other kinds, and values an array cannot carry, keep the VALUES rows.
 */
@QuarryTest(models = {Owner.class, Specimen.class, Scan.class})
class BulkInsertArraysTest {

    /** Values an array literal has to quote or escape, and the edges of every kind. */
    private static List<Specimen> awkward(String prefix, Owner owner) {
        List<Specimen> out = new ArrayList<>();
        String[] texts = {"", " padded ", "quote \" and \\ backslash", "{braces}, commas", "NULL", "ünïcødé ✓", "it's"};
        for (int i = 0; i < texts.length; i++) {
            Specimen s = Specimen.named(prefix + i);
            s.note = texts[i];
            s.count = i % 2 == 0 ? Integer.MAX_VALUE - i : Integer.MIN_VALUE + i;
            s.grade = (short) (i % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE);
            s.mass = i % 2 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
            s.dry = i % 2 == 0;
            s.ratio = i == 0 ? -0.0 : i * 0.1 + 1e-9;
            s.price = new BigDecimal(i % 2 == 0 ? "12.5" : "-999999.99");
            s.found = i == 0 ? LocalDate.of(1, 1, 1) : LocalDate.of(9999, 12, 31).minusDays(i);
            s.logged = Instant.parse("2024-02-29T13:45:10.123456Z").plusSeconds(i * 3600L);
            s.tag = new UUID(i, -i);
            s.site = i % 2 == 0 ? Specimen.Site.CAVE : Specimen.Site.REEF;
            s.owner.set(owner);
            out.add(s);
        }
        out.add(Specimen.named(prefix + "nulls"));
        return out;
    }

    /** Every column but the key and the name, as read back. */
    private static List<Object> columns(Specimen s) {
        return Arrays.asList(s.note, s.count, s.grade, s.mass, s.dry, s.ratio, s.price, s.found, s.logged, s.tag, s.site,
                s.owner.id());
    }

    /** The one statement {@code work} runs. */
    private static ExecutedQuery onlyStatement(Queries queries, Runnable work) {
        return queries.assertNumQueries(1, work).get(0);
    }

    @Test
    void bulkCreatedRowsAreTheRowsSaveStoresOneByOne() {
        Owner owner = new Owner();
        owner.name = "o";
        owner.save();
        awkward("s", owner).forEach(Specimen::save);
        List<Specimen> bulk = awkward("b", owner);
        Specimen.objects.bulkCreate(bulk);
        for (Specimen b : bulk) {
            // Each instance got the key of its own row: RETURNING gives them in the rows' order.
            Specimen stored = Specimen.objects.get("pk", b.id);
            assertThat(stored.name).isEqualTo(b.name);
            Specimen saved = Specimen.objects.get("name", "s" + b.name.substring(1));
            assertThat(columns(stored)).as(b.name).isEqualTo(columns(saved));
        }
        Specimen first = Specimen.objects.get("name", "b1");
        assertThat(first.note).isEqualTo(" padded ");
        assertThat(first.price).isEqualTo(new BigDecimal("-999999.99"));
        assertThat(Specimen.objects.get("name", "b0").price).isEqualTo(new BigDecimal("12.50"));
        assertThat(columns(Specimen.objects.get("name", "bnulls"))).containsOnly((Object) null);
    }

    @Test
    @OnlyOn("postgresql")
    void onPostgresqlTheRowsTravelAsOneArrayPerColumnInOneTextForAnyNumberOfRows(Queries queries) {
        Owner owner = new Owner();
        owner.name = "o";
        owner.save();
        ExecutedQuery three = onlyStatement(queries, () -> Specimen.objects.bulkCreate(awkward("a", owner).subList(0, 3)));
        ExecutedQuery eight = onlyStatement(queries, () -> Specimen.objects.bulkCreate(awkward("b", owner)));
        assertThat(three.sql()).contains("SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[])")
                .contains("CAST(? AS timestamp with time zone[])").doesNotContain("VALUES").isEqualTo(eight.sql());
        assertThat(eight.params()).hasSize(13);
        // One row has nothing to gain: it keeps VALUES, as in Django.
        ExecutedQuery one = onlyStatement(queries, () -> Specimen.objects.bulkCreate(List.of(Specimen.named("one"))));
        assertThat(one.sql()).contains("VALUES (");
    }

    @Test
    void valuesNoArrayCarriesAndColumnsOfOtherKindsKeepValuesRows(Quarry db, Queries queries) {
        // NaN where the database stores it: an array of floats is left to the finite ones.
        List<Specimen> odd = List.of(Specimen.named("nan"), Specimen.named("finite"));
        boolean nan = db.vendor().equals("postgresql");
        odd.get(0).ratio = nan ? Double.NaN : 1.5;
        odd.get(1).ratio = 2.5;
        ExecutedQuery floats = onlyStatement(queries, () -> Specimen.objects.bulkCreate(odd));
        assertThat(floats.sql().contains("unnest(")).isFalse();
        assertThat((Object) Specimen.objects.get("name", "nan").ratio).isEqualTo(Double.valueOf(nan ? Double.NaN : 1.5));
        // Bytes are not sent as an array: the rows stay VALUES rows on every backend.
        List<Scan> scans = List.of(Scan.of("x", new byte[] {0, 1, 2}), Scan.of("y", new byte[0]));
        ExecutedQuery bytes = onlyStatement(queries, () -> Scan.objects.bulkCreate(scans));
        assertThat(bytes.sql()).contains("VALUES (").doesNotContain("unnest(");
        assertThat(Scan.objects.get("name", "x").data).containsExactly(0, 1, 2);
    }

    @Test
    void aTextTooLongForItsColumnFaresAsWithSaveNeverCut(Quarry db) {
        // The arrays are cast without a length (text[]): a cast to varchar(12)[] would cut the text where
        // PostgreSQL refuses it for a VALUES row or a save(). SQLite keeps it whole; the others refuse it.
        String longName = "x".repeat(30);
        Class<?> bySave = outcome(db, () -> Specimen.named(longName + 1).save());
        Class<?> byBulk = outcome(db, () -> Specimen.objects.bulkCreate(List.of(Specimen.named("short"),
                Specimen.named(longName + 2))));
        assertThat(byBulk).isEqualTo(bySave);
        if (bySave == null) {
            assertThat(Specimen.objects.filter("name__startswith", "x").valuesList("name", String.class).list())
                    .containsExactlyInAnyOrder(longName + 1, longName + 2);
        } else {
            assertThat(Specimen.objects.filter("name__startswith", "x").count()).isZero();
        }
    }

    /** The class of what {@code work} throws in a block of its own, or {@code null} when it succeeds. */
    private static Class<?> outcome(Quarry db, Runnable work) {
        try {
            db.atomic().run(work);
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void conflictsAreSkippedOrUpdatedAsWithValuesRows(Queries queries) {
        Specimen.objects.bulkCreate(List.of(Specimen.named("kept"), Specimen.named("other")));
        List<Specimen> again = List.of(Specimen.named("kept"), Specimen.named("new"));
        again.get(0).count = 1;
        queries.assertNumQueries(1, () -> Specimen.objects.bulkCreate(again, OnConflict.ignore()));
        assertThat(Specimen.objects.orderBy("name").valuesList("name", String.class).list())
                .containsExactly("kept", "new", "other");
        assertThat(Specimen.objects.get("name", "kept").count).isNull();
        List<Specimen> update = List.of(Specimen.named("kept"), Specimen.named("newer"));
        update.get(0).count = 2;
        update.get(1).count = 3;
        Specimen.objects.bulkCreate(update, OnConflict.update(List.of("name"), "count"));
        assertThat(Specimen.objects.get("name", "kept").count).isEqualTo(2);
        assertThat(Specimen.objects.get("name", "newer").count).isEqualTo(3);
    }

    @Test
    @Committing
    void sixteenThreadsBulkCreatingAtOnceEachGetTheirOwnRowsAndKeys() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<Specimen>>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Specimen> mine = new ArrayList<>();
                    for (int i = 0; i < 2 + thread; i++) {
                        Specimen s = Specimen.named("t" + thread + "-" + i);
                        s.count = thread * 100 + i;
                        mine.add(s);
                    }
                    return Specimen.objects.bulkCreate(mine);
                }));
            }
            for (Future<List<Specimen>> f : done) {
                for (Specimen s : f.get()) {
                    Specimen stored = Specimen.objects.get("pk", s.id);
                    assertThat(stored.name).isEqualTo(s.name);
                    assertThat(stored.count).isEqualTo(s.count);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Specimen.objects.count()).isEqualTo(16 * 2 + 16 * 15 / 2);
    }
}
