package dev.quarry.windows;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.min;
import static dev.quarry.expr.Aggregates.sum;
import static dev.quarry.expr.Functions.cumeDist;
import static dev.quarry.expr.Functions.denseRank;
import static dev.quarry.expr.Functions.firstValue;
import static dev.quarry.expr.Functions.lag;
import static dev.quarry.expr.Functions.lastValue;
import static dev.quarry.expr.Functions.lead;
import static dev.quarry.expr.Functions.nthValue;
import static dev.quarry.expr.Functions.ntile;
import static dev.quarry.expr.Functions.percentRank;
import static dev.quarry.expr.Functions.rank;
import static dev.quarry.expr.Functions.rowNumber;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Q;
import dev.quarry.expr.Expression;
import dev.quarry.expr.F;
import dev.quarry.expr.Window;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Window functions and aggregates over windows in annotate, values and orderBy, each one statement,
 * with Django 3.2's results on the same rows ({@code django_windows.py}; rows in {@link Employee#rows()}).
 * Filtering on a window annotation and the errors are in {@link WindowFilterTest}.
 */
@QuarryTest(models = {Department.class, Employee.class})
class WindowFunctionsTest {

    /** The annotation {@code x} of every employee, in id order, as {@code type}. */
    static <V> List<V> col(Queries queries, Expression<?> e, Class<V> type) {
        return queries.assertNumQueries(1, () -> Employee.objects.annotate("x", e).orderBy("id").valuesList("x", type).list());
    }

    /** The annotation {@code x} of every employee, in id order, as the values Quarry reads without being told a type. */
    static List<Object> raw(Queries queries, Expression<?> e) {
        List<Object> out = new ArrayList<>();
        queries.assertNumQueries(1, () -> Employee.objects.annotate("x", e).orderBy("id").values("x").list())
                .forEach(m -> out.add(m.get("x")));
        return out;
    }

    private static Window<Long> inDepartment(Expression<Long> f) {
        return Window.of(f).partitionBy("department").orderBy("-salary");
    }

    @Test
    void rankingFunctionsNumberTheRowsOfEachPartition(Queries queries) {
        Employee.rows();
        assertThat(raw(queries, Window.of(rowNumber()).partitionBy("department").orderBy("-salary", "name")))
                .containsExactly(1L, 2L, 3L, 4L, 2L, 1L, 1L, 2L, 3L);
        assertThat(raw(queries, inDepartment(rank()))).containsExactly(1L, 1L, 3L, 4L, 2L, 1L, 1L, 1L, 3L);
        assertThat(raw(queries, inDepartment(denseRank()))).containsExactly(1L, 1L, 2L, 3L, 2L, 1L, 1L, 1L, 2L);
        // A numbering sees the whole partition: a frame changes nothing (MariaDB, which refuses one there, is not sent it).
        assertThat(raw(queries, inDepartment(rank()).rows(-1, 0))).containsExactly(1L, 1L, 3L, 4L, 2L, 1L, 1L, 1L, 3L);
        assertThat(raw(queries, Window.of(ntile(4)).orderBy("-salary", "name"))).containsExactly(1L, 1L, 2L, 3L, 2L, 1L, 3L, 4L, 4L);
        assertThat(col(queries, Window.of(rank()).orderBy(F.of("salary").desc()), Long.class))
                .containsExactly(1L, 1L, 4L, 6L, 5L, 3L, 7L, 7L, 9L);
        // NULLS FIRST/LAST inside the window's order (emulated on MariaDB, as in a query's ORDER BY).
        assertThat(col(queries, Window.of(rowNumber()).orderBy(F.of("bonus").desc().nullsLast(), F.of("name").asc()),
                Long.class)).containsExactly(1L, 6L, 3L, 7L, 2L, 8L, 4L, 9L, 5L);
        assertThat(col(queries, Window.of(rowNumber()).orderBy(F.of("bonus").asc().nullsFirst(), F.of("name").asc()),
                Long.class)).containsExactly(9L, 1L, 7L, 2L, 8L, 3L, 6L, 4L, 5L);
        // Without an order every row is a peer: the numbers are 1..9 in some order.
        assertThat(col(queries, Window.of(rowNumber()), Long.class)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void relativeRanksAreDoubles(Queries queries) {
        Employee.rows();
        assertThat(raw(queries, Window.of(percentRank()).partitionBy("department").orderBy("-salary")))
                .containsExactly(0.0, 0.0, 0.6666666666666666, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
        assertThat(raw(queries, Window.of(cumeDist()).partitionBy("department").orderBy("-salary")))
                .containsExactly(0.5, 0.5, 0.75, 1.0, 1.0, 0.5, 0.6666666666666666, 0.6666666666666666, 1.0);
    }

    @Test
    void lagAndLeadReadNeighboursWithTheArgumentsType(Queries queries) {
        Employee.rows();
        assertThat(raw(queries, Window.of(lag("salary")).partitionBy("department").orderBy("hired")))
                .containsExactly(80, 100, null, 100, null, 70, 50, null, 50);
        assertThat(raw(queries, Window.of(lag("salary", 2, 0)).partitionBy("department").orderBy("hired")))
                .containsExactly(0, 80, 0, 100, 0, 0, 0, 0, 50);
        // The default may be an expression: here the row's own salary (MariaDB has no default: Quarry writes a CASE).
        assertThat(raw(queries, Window.of(lag("salary", 1, F.of("salary"))).partitionBy("department").orderBy("hired")))
                .containsExactly(80, 100, 80, 100, 70, 70, 50, 50, 50);
        // A NULL read from a row that exists stays NULL; the default is only for rows that do not exist.
        assertThat(raw(queries, Window.of(lag("bonus", 1, 0)).partitionBy("department").orderBy("hired")))
                .containsExactly(5, 10, 0, null, 0, 7, null, 0, 3);
        assertThat(raw(queries, Window.of(lead("bonus", 2, -1)).partitionBy("department").orderBy("hired")))
                .containsExactly(null, -1, null, -1, -1, -1, -1, 1, -1);
        assertThat(raw(queries, Window.of(lead("name")).partitionBy("department").orderBy("hired")))
                .containsExactly("bob", "dan", "ann", null, "fay", null, "ivy", "gus", null);
        LocalDate none = LocalDate.of(1999, 1, 1);
        assertThat(raw(queries, Window.of(lead("hired", 1, none)).partitionBy("department").orderBy("hired")))
                .containsExactly(LocalDate.of(2020, 3, 1), LocalDate.of(2021, 7, 7), LocalDate.of(2019, 1, 10), none,
                        LocalDate.of(2019, 9, 9), none, LocalDate.of(2022, 2, 2), LocalDate.of(2020, 1, 1), none);
    }

    @Test
    void valueFunctionsReadTheFrame(Queries queries) {
        Employee.rows();
        assertThat(raw(queries, Window.of(firstValue("name")).partitionBy("department").orderBy("-salary", "name")))
                .containsExactly("ann", "ann", "ann", "ann", "fay", "fay", "gus", "gus", "gus");
        // The default frame ends at the current row, so the last value is the row itself (Django's answer too).
        assertThat(col(queries, Window.of(lastValue("name")).partitionBy("department").orderBy("hired"), String.class))
                .containsExactly("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy");
        assertThat(col(queries, Window.of(lastValue("name")).partitionBy("department").orderBy("hired").rows(null, null),
                String.class)).containsExactly("dan", "dan", "dan", "dan", "fay", "fay", "ivy", "ivy", "ivy");
        assertThat(col(queries, Window.of(nthValue("name", 2)).partitionBy("department").orderBy("hired").rows(null, null),
                String.class)).containsExactly("ann", "ann", "ann", "ann", "fay", "fay", "gus", "gus", "gus");
    }

    @Test
    void aggregatesOverAWindowKeepEveryRow(Queries queries) {
        Employee.rows();
        assertThat(raw(queries, Window.of(sum("salary")).partitionBy("department")))
                .containsExactly(340L, 340L, 340L, 340L, 160L, 160L, 140L, 140L, 140L);
        assertThat(col(queries, Window.of(avg("salary")).partitionBy("department"), Double.class))
                .containsExactly(85.0, 85.0, 85.0, 85.0, 80.0, 80.0, 46.666666666666664, 46.666666666666664, 46.666666666666664);
        assertThat(col(queries, Window.of(count("id")), Long.class)).containsOnly(9L).hasSize(9);
        // A conditional aggregate over a window: FILTER (WHERE ...) OVER (...), or a CASE inside on MariaDB.
        assertThat(col(queries, Window.of(sum("salary", Q.of("department__name", "eng"))), Long.class))
                .containsOnly(340L).hasSize(9);
        // With an order, the default frame runs from the first row to the current row and its peers.
        assertThat(col(queries, Window.of(sum("salary")).orderBy("hired"), Long.class))
                .containsExactly(300L, 540L, 200L, 600L, 120L, 390L, 440L, 50L, 640L);
        assertThat(col(queries, Window.of(sum("salary")).orderBy("salary"), Long.class))
                .containsExactly(640L, 640L, 350L, 200L, 270L, 440L, 140L, 140L, 40L);
    }

    @Test
    void framesChooseTheRowsAnAggregateSees(Queries queries) {
        Employee.rows();
        List<Long> running = queries.assertNumQueries(1, () -> Employee.objects
                .annotate("x", Window.of(sum("salary")).orderBy("salary", "id").rows(null, 0)).orderBy("salary", "id")
                .valuesList("x", Long.class).list());
        assertThat(running).containsExactly(40L, 90L, 140L, 200L, 270L, 350L, 440L, 540L, 640L);
        assertThat(col(queries, Window.of(avg("salary")).orderBy("hired").rows(-1, 1), Double.class))
                .containsExactly(90.0, 70.0, 83.33333333333333, 66.66666666666667, 66.66666666666667, 80.0, 80.0, 60.0, 50.0);
        assertThat(col(queries, Window.of(max("salary")).orderBy("hired").range(0, null), Integer.class))
                .containsExactly(100, 100, 100, 60, 100, 100, 100, 100, 40);
        assertThat(col(queries, Window.of(min("salary")).orderBy("hired").rows(-2, 0), Integer.class))
                .containsExactly(70, 50, 50, 50, 50, 80, 50, 50, 40);
    }

    @Test
    void partitionsAndOrdersMayCrossRelations(Queries queries) {
        Employee.rows();
        assertThat(col(queries, Window.of(rank()).partitionBy("department__name").orderBy("-hired"), Long.class))
                .containsExactly(3L, 2L, 4L, 1L, 2L, 1L, 2L, 3L, 1L);
        assertThat(col(queries, Window.of(rank()).partitionBy(F.of("department__name")).orderBy(F.of("hired").desc()), Long.class))
                .containsExactly(3L, 2L, 4L, 1L, 2L, 1L, 2L, 3L, 1L);
    }

    @Test
    void aWindowAnnotationOrdersAndIsSelectedByValues(Queries queries) {
        Employee.rows();
        assertThat(queries.assertNumQueries(1, () -> Employee.objects.annotate("r", Window.of(rowNumber()).orderBy("-hired"))
                .orderBy("r").valuesList("name", String.class).list()))
                .containsExactly("ivy", "dan", "bob", "gus", "fay", "ann", "cat", "eve", "hal");
        assertThat(queries.assertNumQueries(1, () -> Employee.objects.orderBy("id").values("name")
                .annotate("s", Window.of(sum("salary")).partitionBy("department")).valuesList("name", "s").list()))
                .containsExactly(List.of("ann", 340L), List.of("bob", 340L), List.of("cat", 340L), List.of("dan", 340L),
                        List.of("eve", 160L), List.of("fay", 160L), List.of("gus", 140L), List.of("hal", 140L),
                        List.of("ivy", 140L));
        assertThat(queries.assertNumQueries(1, () -> Employee.objects.orderBy(
                Window.of(sum("salary")).partitionBy("department").desc(), F.of("name").asc())
                .valuesList("name", String.class).list()))
                .containsExactly("ann", "bob", "cat", "dan", "eve", "fay", "gus", "hal", "ivy");
        List<Employee> ranked = queries.assertNumQueries(1, () -> Employee.objects.annotate("r", inDepartment(rank()))
                .orderBy("id").list());
        List<Object> pairs = new ArrayList<>();
        ranked.forEach(e -> pairs.add(e.name + "=" + e.annotation("r")));
        assertThat(pairs).containsExactly("ann=1", "bob=1", "cat=3", "dan=4", "eve=2", "fay=1", "gus=1", "hal=1", "ivy=3");
    }

    @Test
    void aWindowOverAGroupedAggregate(Queries queries) {
        Employee.rows();
        List<List<Object>> rows = queries.assertNumQueries(1, () -> Department.objects.annotate("n", count("employees"))
                .annotate("r", Window.of(rank()).orderBy(count("employees").desc())).orderBy("id").valuesList("name", "n", "r")
                .list());
        assertThat(rows).containsExactly(List.of("eng", 4L, 1L), List.of("ops", 2L, 3L), List.of("sales", 3L, 2L),
                List.of("hr", 0L, 4L));
        // values(...).annotate(...) groups by the values; the window ranks the groups.
        assertThat(queries.assertNumQueries(1, () -> Employee.objects.values("department__name").annotate("n", count("id"))
                .annotate("r", Window.of(rank()).orderBy(count("id").desc())).orderBy("department__name")
                .valuesList("department__name", "n", "r").list()))
                .containsExactly(List.of("eng", 4L, 1L), List.of("ops", 2L, 3L), List.of("sales", 3L, 2L));
    }
}
