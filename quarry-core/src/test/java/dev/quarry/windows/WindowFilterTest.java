package dev.quarry.windows;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static dev.quarry.expr.Aggregates.sum;
import static dev.quarry.expr.Functions.lag;
import static dev.quarry.expr.Functions.rank;
import static dev.quarry.expr.Functions.rowNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.Q;
import dev.quarry.QueryError;
import dev.quarry.QuerySet;
import dev.quarry.expr.F;
import dev.quarry.expr.Window;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Filtering on a window annotation wraps the query ({@code SELECT * FROM (...) WHERE r = 1}), as
 * Django 4.2 does; Django 3.2 refuses it ("Window is disallowed in the filter clause."), so the expected
 * rows are Django 3.2's annotation filtered by hand in {@code django_windows.py}. A window anywhere a
 * WHERE would hold it is refused before any SQL, naming it.
 */
@QuarryTest(models = {Department.class, Employee.class})
class WindowFilterTest {
    /** Each employee's rank by salary in the department, highest first. */
    private static final QuerySet<Employee> RANKED = Employee.objects
            .annotate("r", Window.of(rank()).partitionBy("department").orderBy("-salary")).orderBy("id");

    private static List<String> names(Queries queries, QuerySet<Employee> qs) {
        return queries.assertNumQueries(1, () -> qs.valuesList("name", String.class).list());
    }

    @Test
    void aFilterOnAWindowAnnotationFiltersTheWrappedQuery(Queries queries) {
        Employee.rows();
        List<ExecutedQuery> sent = queries.captured(() -> assertThat(RANKED.filter("r", 1).valuesList("name", String.class)
                .list()).containsExactly("ann", "bob", "fay", "gus", "hal"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).sql()).startsWith("SELECT * FROM (SELECT ");
        assertThat(names(queries, RANKED.filter("r__gte", 2))).containsExactly("cat", "dan", "eve", "ivy");
        assertThat(names(queries, RANKED.exclude("r", 1))).containsExactly("cat", "dan", "eve", "ivy");
        // A plain column beside a window annotation in one condition is compared outside too (Django 4.2 does the same).
        assertThat(names(queries, RANKED.filter(Q.of("r", 1).or(Q.of("salary", 80)))))
                .containsExactly("ann", "bob", "cat", "fay", "gus", "hal");
        // Instances keep the annotation; count() and exists() count the wrapped rows.
        List<String> loaded = new ArrayList<>();
        queries.assertNumQueries(1, () -> RANKED.filter("r__gte", 3).list()).forEach(e -> loaded.add(e.name + "=" + e.annotation("r")));
        assertThat(loaded).containsExactly("cat=3", "dan=4", "ivy=3");
        assertThat(queries.assertNumQueries(1, () -> RANKED.filter("r", 1).count())).isEqualTo(5L);
        assertThat(queries.assertNumQueries(1, () -> RANKED.filter("r", 5).exists())).isFalse();
        assertThat(queries.assertNumQueries(1, () -> RANKED.filter("r", 4).exists())).isTrue();
    }

    @Test
    void aPlainConditionStaysInsideWhateverTheOrderOfTheCalls(Queries queries) {
        Employee.rows();
        // The ranking is of the rows the plain filter keeps (WHERE runs before the window is computed).
        assertThat(names(queries, Employee.objects.filter("salary__lt", 100)
                .annotate("r", Window.of(rank()).partitionBy("department").orderBy("-salary")).filter("r", 1).orderBy("id")))
                .containsExactly("cat", "fay", "gus", "hal");
        // Django 4.2 splits the conditions the same way: a plain one goes inside even when it comes after the window's.
        assertThat(names(queries, RANKED.filter("r", 1).filter("salary__lt", 100))).containsExactly("cat", "fay", "gus", "hal");
        assertThat(names(queries, RANKED.filter(Q.of("r", 1), Q.of("salary__lt", 100))))
                .containsExactly("cat", "fay", "gus", "hal");
    }

    @Test
    void aFilterOnARankOfGroupsAndOnAnAlias(Queries queries) {
        Employee.rows();
        // The grouped query is wrapped whole: its GROUP BY inside, the rank compared outside.
        assertThat(queries.assertNumQueries(1, () -> Department.objects.annotate("n", count("employees"))
                .annotate("r", Window.of(rank()).orderBy(count("employees").desc())).filter("r__lte", 2).orderBy("id")
                .valuesList("name", String.class).list())).containsExactly("eng", "sales");
        // alias(): not selected with the rows, but selected by the wrapped query for the condition around it.
        List<Employee> top = queries.assertNumQueries(1, () -> Employee.objects
                .alias("r", Window.of(rank()).partitionBy("department").orderBy("-salary")).filter("r", 1).orderBy("id").list());
        assertThat(top).extracting(e -> e.name).containsExactly("ann", "bob", "fay", "gus", "hal");
    }

    @Test
    void theWrappedQueryKeepsItsOrderingSliceAndValues(Queries queries) {
        Employee.rows();
        QuerySet<Employee> upTo300 = Employee.objects.annotate("t", Window.of(sum("salary")).orderBy("hired"))
                .filter("t__lte", 300).orderBy("-hired");
        assertThat(names(queries, upTo300)).containsExactly("ann", "cat", "eve", "hal");
        assertThat(names(queries, upTo300.limit(2))).containsExactly("ann", "cat");
        assertThat(queries.assertNumQueries(1, () -> upTo300.valuesList("name", "t").list()))
                .containsExactly(List.of("ann", 300L), List.of("cat", 200L), List.of("eve", 120L), List.of("hal", 50L));
    }

    @Test
    void aggregatesOverAWindowAnnotationWrapTheQuery(Queries queries) {
        Employee.rows();
        // Django 3.2: SELECT MAX("r") FROM (SELECT RANK() OVER (...) AS "r" ...) subquery -> 4; COUNT("id") -> 9.
        assertThat(queries.assertNumQueries(1, () -> RANKED.aggregate(max("r")))).isEqualTo(4L);
        assertThat(queries.assertNumQueries(1, () -> RANKED.aggregate(count("id")))).isEqualTo(9L);
        assertThat(queries.assertNumQueries(1, () -> RANKED.filter("r", 1).aggregate(sum("salary")))).isEqualTo(390L);
    }

    @Test
    void aWindowInAWhereIsRefusedBeforeSql(Queries queries) {
        Employee.rows();
        // Django 3.2 and 4.2: NotSupportedError "Window is disallowed in the filter clause."
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.filter("salary__gt",
                Window.of(avg("salary"))).list()).isInstanceOf(QueryError.class)
                .hasMessageContaining("Window.of(Avg('salary'))").hasMessageContaining("on Employee")
                .hasMessageContaining("filter() condition (WHERE)").hasMessageContaining("Annotate it and filter on the annotation"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.filter("salary__gt",
                F.of("salary").plus(Window.of(avg("salary")))).list()).isInstanceOf(QueryError.class)
                .hasMessageContaining("window function"));
        // A window function outside a Window: refused wherever it is.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.filter("salary", lag("salary")).list())
                .isInstanceOf(QueryError.class).hasMessageContaining("Lag").hasMessageContaining("is a window function: use it "
                        + "inside Window.of(...)"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.orderBy(rowNumber().asc()).list())
                .isInstanceOf(QueryError.class).hasMessageContaining("RowNumber").hasMessageContaining("Window.of(...)"));
        // An update cannot write a window either.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.update("salary",
                Window.of(avg("salary")))).isInstanceOf(QueryError.class).hasMessageContaining("window"));
    }

    @Test
    void badWindowsAreRefusedWhenBuilt(Queries queries) {
        // Django: "start argument must be a negative integer, zero, or None, but got '1'."
        assertThatThrownBy(() -> Window.of(sum("salary")).orderBy("hired").rows(1, 2)).isInstanceOf(QueryError.class)
                .hasMessageContaining("rows(1, 2)").hasMessageContaining("use lead(...)");
        assertThatThrownBy(() -> Window.of(sum("salary")).orderBy("hired").rows(-2, -1)).isInstanceOf(QueryError.class)
                .hasMessageContaining("rows(-2, -1)").hasMessageContaining("use lag(...)");
        // Django: "Lag requires a positive integer for the offset."
        assertThatThrownBy(() -> lag("salary", 0, 0)).isInstanceOf(QueryError.class).hasMessageContaining("offset of 1 or more");
        // Django 3.2 sends it and fails reading the rows ("invalid literal for int() with base 10: 'x'").
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Employee.objects.annotate("x",
                Window.of(lag("salary", 1, "x")).orderBy("hired"))).isInstanceOf(dev.quarry.FieldError.class)
                .hasMessageContaining("Lag's default mixes whole numbers (INTEGER) and text"));
        queries.assertNumQueries(0, () -> {
            // Django sends it and the database refuses: "DISTINCT is not supported for window functions".
            assertThatThrownBy(() -> Employee.objects.annotate("x", Window.of(count("department", true))))
                    .isInstanceOf(QueryError.class).hasMessageContaining("DISTINCT aggregate cannot be computed over a window");
            assertThatThrownBy(() -> Employee.objects.annotate("x", Window.of(F.of("salary"))))
                    .isInstanceOf(QueryError.class).hasMessageContaining("a window computes a window function");
            assertThatThrownBy(() -> Employee.objects.annotate("x", Window.of(rank()).partitionBy("nope")))
                    .isInstanceOf(dev.quarry.FieldError.class).hasMessageContaining("Cannot resolve keyword 'nope'");
        });
    }
}
