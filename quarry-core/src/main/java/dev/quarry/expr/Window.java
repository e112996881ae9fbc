package dev.quarry.expr;

import dev.quarry.Ordering;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window function or an aggregate computed over a window of rows, without grouping them:
 * {@code Window.of(rank()).partitionBy("author").orderBy("-rating")},
 * {@code Window.of(sum("pages")).orderBy("published").rows(null, 0)}. Usable in {@code annotate},
 * {@code alias} and {@code orderBy}; filtering on a window annotation wraps the query, and a window
 * anywhere else in a condition is refused before any SQL.
 *
 * @param expression the window function or aggregate
 * @param partitionBy the expressions whose equal values form a partition (none: one partition)
 * @param orderBy the order of rows in each partition
 * @param frame the rows of the partition the function sees, or {@code null} for the database's default
 * @param <V> the Java type of the result
 */
public record Window<V>(Expression<V> expression, List<Expression<?>> partitionBy, List<Ordering> orderBy, Frame frame)
        implements Expression<V> {
    /**
     * The rows a window function sees around the current row: {@code start} counts rows (ROWS) before it
     * (negative) and {@code end} rows after it (positive); 0 is the current row (with its peers, for
     * RANGE) and {@code null} unbounded (Django's {@code RowRange(start=-1, end=1)}).
     *
     * @param rows ROWS when true, RANGE when false
     * @param start the start, or {@code null} for UNBOUNDED PRECEDING
     * @param end the end, or {@code null} for UNBOUNDED FOLLOWING
     */
    public record Frame(boolean rows, Integer start, Integer end) {
        /** Checks that the frame starts at or before the current row and ends at or after it, as Django requires. */
        public Frame {
            if (start != null && start > 0 || end != null && end < 0) {
                String kind = rows ? "rows" : "range";
                throw new dev.quarry.QueryError(String.format("Window frame %s(%s, %s): a frame starts at or before the "
                        + "current row (a negative number, 0 or null) and ends at or after it (a positive number, 0 or "
                        + "null), as in Django; %s", kind, start, end, start != null && start > 0
                        ? "to read a later row, use lead(...) or a frame ending after the current row"
                        : "to read an earlier row, use lag(...) or a frame starting before the current row"));
            }
        }
    }

    /** Checks the parts. */
    public Window {
        Objects.requireNonNull(expression, "expression");
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
        if (expression instanceof Window<?>) {
            throw new dev.quarry.QueryError("A Window cannot contain another Window");
        }
    }

    /** The function over one window holding every row. */
    public static <V> Window<V> of(Expression<V> expression) {
        return new Window<>(expression, List.of(), List.of(), null);
    }

    /** The same window split into partitions by these expressions (a {@code String} names a field). */
    public Window<V> partitionBy(Object first, Object... more) {
        List<Expression<?>> p = new ArrayList<>();
        p.add(Args.field(first));
        for (Object m : more) {
            p.add(Args.field(m));
        }
        return new Window<>(expression, p, orderBy, frame);
    }

    /** The same window with its rows ordered by these terms ({@code "-rating"}). */
    public Window<V> orderBy(String first, String... more) {
        List<Ordering> o = new ArrayList<>();
        o.add(Ordering.parse(first));
        for (String m : more) {
            o.add(Ordering.parse(m));
        }
        return new Window<>(expression, partitionBy, o, frame);
    }

    /** The same window with its rows ordered by these terms ({@code F.of("rating").desc()}). */
    public Window<V> orderBy(Ordering first, Ordering... more) {
        List<Ordering> o = new ArrayList<>();
        o.add(first);
        o.addAll(List.of(more));
        return new Window<>(expression, partitionBy, o, frame);
    }

    /** The same window with a ROWS frame from {@code start} to {@code end} rows around the current one. */
    public Window<V> rows(Integer start, Integer end) {
        return new Window<>(expression, partitionBy, orderBy, new Frame(true, start, end));
    }

    /** The same window with a RANGE frame (only {@code null} or 0 bounds: unbounded or the current row's peers). */
    public Window<V> range(Integer start, Integer end) {
        return new Window<>(expression, partitionBy, orderBy, new Frame(false, start, end));
    }

    @Override
    public Class<V> type() {
        return expression.type();
    }

    /** The window as Java builds it: {@code Window.of(Rank()).partitionBy(F(department)).orderBy(-salary)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Window.of(").append(expression).append(')');
        if (!partitionBy.isEmpty()) {
            b.append(".partitionBy(").append(String.join(", ", partitionBy.stream().map(Object::toString).toList())).append(')');
        }
        if (!orderBy.isEmpty()) {
            b.append(".orderBy(").append(String.join(", ", orderBy.stream().map(Object::toString).toList())).append(')');
        }
        if (frame != null) {
            b.append(frame.rows() ? ".rows(" : ".range(").append(frame.start()).append(", ").append(frame.end()).append(')');
        }
        return b.toString();
    }
}
