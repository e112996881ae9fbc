package dev.quarry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A condition tree for {@code filter}/{@code exclude}: leaves are lookups with values, nodes are
 * AND/OR, any node may be negated. All conditions passed in one {@code filter} call refer to the
 * same related row of a multi-valued relation. Immutable: every method returns a new Q.
 */
public final class Q {
    /** How the children of a node combine. */
    public enum Connector { AND, OR }

    private final Connector connector;
    private final List<Object> children;
    private final boolean negated;

    private Q(Connector connector, List<Object> children, boolean negated) {
        this.connector = connector;
        this.children = Collections.unmodifiableList(children);
        this.negated = negated;
    }

    /** One lookup: {@code Q.of("books__title__icontains", "python")}. */
    public static Q of(String lookup, Object value) {
        Objects.requireNonNull(lookup, "lookup");
        List<Object> c = new ArrayList<>(1);
        c.add(new Leaf(lookup, value));
        return new Q(Connector.AND, c, false);
    }

    /**
     * Several lookups AND-ed, as Django's keyword arguments to one {@code filter()} call:
     * {@code Q.of("books__tags__name", "Fantasy", "books__published_date__year", 2020)}.
     */
    public static Q of(String lookup, Object value, Object... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("Q.of takes lookup/value pairs; got an odd number of arguments");
        }
        List<Object> c = new ArrayList<>();
        c.add(new Leaf(lookup, value));
        for (int i = 0; i < more.length; i += 2) {
            if (!(more[i] instanceof String s)) {
                throw new IllegalArgumentException("Q.of: argument " + (i + 3) + " must be a lookup string, got " + more[i]);
            }
            c.add(new Leaf(s, more[i + 1]));
        }
        return new Q(Connector.AND, c, false);
    }

    /** A condition that matches every row. */
    public static Q all() {
        return new Q(Connector.AND, new ArrayList<>(), false);
    }

    /** NOT {@code q}. */
    public static Q not(Q q) {
        return q.negate();
    }

    /** This AND other. */
    public Q and(Q other) {
        return combine(other, Connector.AND);
    }

    /** This OR other. */
    public Q or(Q other) {
        return combine(other, Connector.OR);
    }

    /** NOT this. */
    public Q negate() {
        return new Q(connector, new ArrayList<>(children), !negated);
    }

    private Q combine(Q other, Connector how) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<Object> c = new ArrayList<>();
        c.add(this);
        c.add(other);
        return new Q(how, c, false);
    }

    /** Whether this Q has no condition. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    public Connector connector() {
        return connector;
    }

    /** The children: {@link Leaf} or {@link Q}. */
    public List<Object> children() {
        return children;
    }

    public boolean negated() {
        return negated;
    }

    /** Django-like text: {@code name='Ann', books__rating__gte=4}, with OR and NOT spelled out. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sb.append(connector == Connector.AND ? ", " : " OR ");
            }
            Object c = children.get(i);
            sb.append(c instanceof Q q && q.children.size() > 1 && !q.negated ? "(" + q + ")" : c);
        }
        return negated ? "NOT (" + sb + ")" : sb.toString();
    }

    /** A lookup and its value. */
    public record Leaf(String lookup, Object value) {
        @Override
        public String toString() {
            return lookup + "=" + (value instanceof String ? "'" + value + "'" : value);
        }
    }
}
