package dev.quarry.binding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.Quarry;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every lookup value is bound with its column's type, whatever Java number the caller passed: a
 * {@code smallint} column gets a 16-bit value, an {@code integer} column (and a foreign key to an
 * integer key) a 32-bit one, a {@code bigint} column a 64-bit one. On PostgreSQL a 64-bit parameter
 * against an {@code integer} column is an {@code int8} comparison, which can turn index probes into a
 * hashed sequential scan (issue 13: 177 ms against 118 ms for a 20,000-key prefetch).
 */
@QuarryTest(models = {Crate.class, Bottle.class})
class ParameterTypesTest {

    private static void rows() {
        for (int n = 1; n <= 3; n++) {
            int k = n;
            Crate crate = Crate.objects.create(c -> {
                c.number = k;
                c.shelf = (short) k;
                c.weight = 10 * k;
                c.serial = 5_000_000_000L + k;
            });
            for (int b = 0; b < k; b++) {
                String label = "b" + k + b;
                Bottle.objects.create(x -> {
                    x.crate.set(crate);
                    x.label = label;
                });
            }
        }
    }

    private static List<Class<?>> types(ExecutedQuery q) {
        return q.params().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void lookupValuesTakeTheWidthOfTheirColumn(Queries queries) {
        rows();
        List<ExecutedQuery> ran = queries.assertNumQueries(1, () -> {
            assertThat(Crate.objects.filter("shelf__gte", 2L).filter("weight__in", List.of(20L, 30L))
                    .filter("serial__gt", 1).filter("number__lt", 10L).valuesList("number", Integer.class)
                    .orderBy("number").list()).containsExactly(2, 3);
        });
        assertThat(types(ran.get(0))).containsExactly(Short.class, Integer.class, Integer.class, Long.class,
                Integer.class);
    }

    @Test
    void foreignKeysToAnIntegerKeyBindIntegersFromInstancesRefsAndNumbers(Queries queries) {
        rows();
        Crate two = Crate.objects.get("number", 2L);
        Bottle one = Bottle.objects.filter("crate", 1L).first().orElseThrow();
        List<ExecutedQuery> ran = queries.assertNumQueries(3, () -> {
            assertThat(Bottle.objects.filter("crate", two).count()).isEqualTo(2);
            assertThat(Bottle.objects.filter("crate", one.crate).count()).isEqualTo(1);
            assertThat(Bottle.objects.filter("crate__in", List.of(2L, 3L)).count()).isEqualTo(5);
        });
        for (ExecutedQuery q : ran) {
            assertThat(types(q)).as(q.sql()).containsOnly(Integer.class);
        }
    }

    @Test
    void prefetchBindsTheOwnersKeysWithTheForeignKeysType(Queries queries) {
        rows();
        // Filtered (by a Long), so the crates may be only some of them and the bottles are asked for by key.
        List<ExecutedQuery> ran = queries.assertNumQueries(2, () -> {
            List<Crate> crates = Crate.objects.filter("number__gte", 0L).prefetchRelated("bottles").orderBy("number").list();
            assertThat(crates).extracting(c -> c.related("bottles", Bottle.class).all().count()).containsExactly(1L, 2L, 3L);
        });
        assertThat(types(ran.get(1))).containsExactly(Integer.class, Integer.class, Integer.class);
    }

    @Test
    @OnlyOn("postgresql") // the server's own record of a prepared statement's parameter types
    void postgresqlPreparesTheStatementWithInt4AndInt2Parameters(Quarry quarry) {
        rows();
        // pgjdbc prepares a named server statement from the fifth execution on (prepareThreshold=5)
        for (int i = 0; i < 6; i++) {
            assertThat(Crate.objects.filter("weight__gte", 20L).filter("shelf__lte", 3L).count()).isEqualTo(2);
        }
        List<List<Object>> prepared = quarry.queryLists("SELECT parameter_types::text FROM pg_prepared_statements "
                + "WHERE statement LIKE 'SELECT COUNT(*) FROM \"crate\" WHERE%'");
        assertThat(prepared).extracting(r -> r.get(0)).containsExactly("{integer,smallint}");
    }
}
