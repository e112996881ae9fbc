package dev.quarry.conditional;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Aggregation;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.expr.Aggregate;
import dev.quarry.spi.Feature;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Aggregates over only the rows matching a condition ({@code count("orders", Q.of(...))}): SQL's
 * FILTER where the database has it ({@link Feature#AGGREGATE_FILTER_CLAUSE}), a CASE inside the
 * aggregate elsewhere, the same values on every backend as Django 3.2's ({@code django_conditional.py}).
 */
@QuarryTest(models = {Client.class, Purchase.class})
class ConditionalAggregatesTest {
    private static final Q PAID = Q.of("orders__status", "paid");

    private static <V> List<V> col(Queries queries, Aggregate<?> a, Class<V> type) {
        return queries.assertNumQueries(1, () -> Client.objects.annotate("n", a).orderBy("id").valuesList("n", type).list());
    }

    @Test
    void eachAggregateTakesACondition(Queries queries) {
        Client.rows();
        assertThat(col(queries, count("orders", PAID), Long.class)).containsExactly(1L, 1L, 2L, 0L);
        assertThat(col(queries, sum("orders__amount", PAID), Long.class)).containsExactly(100L, 20L, 500L, null);
        assertThat(col(queries, avg("orders__amount", PAID), Double.class)).containsExactly(100.0, 20.0, 250.0, null);
        assertThat(col(queries, min("orders__amount", PAID), Integer.class)).containsExactly(100, 20, 200, null);
        assertThat(col(queries, max("orders__amount", Q.of("orders__amount__lt", 250)), Integer.class))
                .containsExactly(100, 20, 200, null);
    }

    @Test
    void twoConditionsOverOneJoin(Queries queries) {
        Client.rows();
        List<List<Object>> rows = queries.assertNumQueries(1, () -> Client.objects.annotate("paid", count("orders", PAID))
                .annotate("open", count("orders", Q.of("orders__status", "open"))).orderBy("id").valuesList("paid", "open").list());
        assertThat(rows).containsExactly(List.of(1L, 1L), List.of(1L, 0L), List.of(2L, 1L), List.of(0L, 0L));
        List<String> having = queries.assertNumQueries(1, () -> Client.objects.annotate("n", count("orders", PAID))
                .filter("n__gte", 1).orderBy("id").valuesList("name", String.class).list());
        assertThat(having).containsExactly("jane", "james", "jack");
    }

    @Test
    void aggregateTakesConditionsToo(Queries queries) {
        Client.rows();
        Map<String, Aggregate<?>> m = new LinkedHashMap<>();
        m.put("paid", count("id", Q.of("status", "paid")));
        m.put("open", count("id", Q.of("status", "open")));
        m.put("big", sum("amount", Q.of("amount__gte", 100)));
        Aggregation a = queries.assertNumQueries(1, () -> Purchase.objects.aggregate(m));
        assertThat(a.asMap()).containsExactly(Map.entry("paid", 4L), Map.entry("open", 2L), Map.entry("big", 600L));
        assertThat(queries.assertNumQueries(1, () -> Purchase.objects.aggregate(count("client", true).filter(Q.of("status", "paid")))))
                .isEqualTo(3L);
        assertThat(queries.assertNumQueries(1, () -> Client.objects.aggregate(count("id", Q.of("orders__status", "open")))))
                .isEqualTo(2L);
    }

    @Test
    void filterClauseWhereTheDatabaseHasItCaseElsewhere(Quarry quarry) {
        Client.rows();
        String sql = Client.objects.annotate("n", count("orders", PAID)).sql().text();
        boolean filter = dev.quarry.load.Session.of(quarry).database().backend().features().has(Feature.AGGREGATE_FILTER_CLAUSE);
        if (filter) {
            assertThat(sql).contains("FILTER (WHERE").doesNotContain("CASE WHEN");
        } else {
            assertThat(sql).contains("COUNT(CASE WHEN").doesNotContain("FILTER");
        }
    }
}
