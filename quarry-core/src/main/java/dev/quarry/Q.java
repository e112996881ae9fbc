package dev.quarry;

import dev.quarry.query.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A condition for {@code filter}/{@code exclude}: one lookup ({@code Q.of("books__title__icontains",
 * "python")}), or conditions combined with {@link #and}, {@link #or} and {@link #not}. All
 * conditions passed in one {@code filter} call refer to the same related row of a multi-valued
 * relation. An immutable value with value equality; its structure is not part of the API.
 */
public final class Q {
    static {
        dev.quarry.query.QueryHooks.install(new QueryBridge());
    }

    private static final Q ALL = new Q(Condition.Node.EMPTY);

    private final Condition condition;

    private Q(Condition condition) {
        this.condition = condition;
    }

    /** One lookup: {@code Q.of("books__title__icontains", "python")}; the value may be {@code null} (IS NULL). */
    public static Q of(String lookup, Object value) {
        Objects.requireNonNull(lookup, "lookup");
        return new Q(new Condition.Leaf(lookup, value));
    }

    /**
     * A boolean expression as a condition: {@code Q.of(Exists.of(...))}, {@code Q.of(Exists.of(...).negate())}
     * (Django's {@code filter(Exists(...))}).
     */
    public static Q of(dev.quarry.expr.Expression<Boolean> condition) {
        Objects.requireNonNull(condition, "condition");
        return new Q(new Condition.Holds(condition));
    }

    /** A condition that matches every row. */
    public static Q all() {
        return ALL;
    }

    /** NOT {@code q}. */
    public static Q not(Q q) {
        return q.negate();
    }

    /** This AND other; as one {@code filter} call, both refer to the same related row. */
    public Q and(Q other) {
        return combine(other, false);
    }

    /** This OR other. */
    public Q or(Q other) {
        return combine(other, true);
    }

    /** NOT this. */
    public Q negate() {
        if (condition instanceof Condition.Node n) {
            if (n.negated() && n.children().size() == 1) {
                // NOT (NOT x) is x itself, so that it equals x (Django: ~~Q(x) == Q(x)).
                return new Q(n.children().get(0));
            }
            return new Q(new Condition.Node(n.or(), n.children(), !n.negated()));
        }
        return new Q(new Condition.Node(false, List.of(condition), true));
    }

    private Q combine(Q other, boolean or) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        // (a AND b) AND c is a AND b AND c, however grouped, as Django's Node.add squashes same-connector children.
        List<Condition> c = new ArrayList<>();
        addFlattened(c, condition, or);
        addFlattened(c, other.condition, or);
        return new Q(new Condition.Node(or, c, false));
    }

    private static void addFlattened(List<Condition> out, Condition c, boolean or) {
        if (c instanceof Condition.Node n && !n.negated() && n.or() == or) {
            out.addAll(n.children());
        } else {
            out.add(c);
        }
    }

    /** Whether this Q has no condition (matches every row). */
    public boolean isEmpty() {
        return condition.isEmpty();
    }

    /** AND of several Qs, as one filter() call. */
    static Q allOf(Q first, Q... more) {
        Q q = first;
        for (Q m : more) {
            q = q.and(m);
        }
        return q;
    }

    /** The structure, for the query tree. */
    Condition condition() {
        return condition;
    }

    /** The condition with {@code ?} for each value (for exception messages). */
    String describe() {
        return condition.describe();
    }

    /** Equal when both hold the same lookups, values, connectors and negations. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Q q && q.condition.equals(condition);
    }

    @Override
    public int hashCode() {
        return condition.hashCode();
    }

    /** Django-like text with the values: {@code name='Ann', books__rating__gte=4}, OR and NOT spelled out. */
    @Override
    public String toString() {
        return condition.toString();
    }
}
