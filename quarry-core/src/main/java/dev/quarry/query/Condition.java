package dev.quarry.query;

import java.util.List;

/**
 * The structure behind {@code dev.quarry.Q}: lookups with their values, combined by AND/OR and
 * possibly negated. Users build it only through {@code Q}; the query tree reads it here.
 */
public sealed interface Condition {
    /** Whether the condition holds no lookup (matches every row). */
    boolean isEmpty();

    /** The condition with each value shown as {@code ?}, for messages that must not carry values. */
    String describe();

    /** One lookup and its value ({@code books__title__icontains}, {@code "python"}). */
    record Leaf(String lookup, Object value) implements Condition {
        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public String describe() {
            return lookup + "=?";
        }

        @Override
        public String toString() {
            return lookup + "=" + (value instanceof String ? "'" + value + "'" : value);
        }
    }

    /** A boolean expression that must hold ({@code Exists}). */
    record Holds(dev.quarry.expr.Expression<?> expression) implements Condition {
        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public String describe() {
            return expression.getClass().getSimpleName() + "(?)";
        }

        @Override
        public String toString() {
            return expression.toString();
        }
    }

    /** Children combined by AND (or OR), possibly negated as a whole. */
    record Node(boolean or, List<Condition> children, boolean negated) implements Condition {
        /** An AND of nothing: matches every row. */
        public static final Node EMPTY = new Node(false, List.of(), false);

        /** A node over these children, which are copied. */
        public Node {
            children = List.copyOf(children);
        }

        @Override
        public boolean isEmpty() {
            return children.isEmpty();
        }

        @Override
        public String describe() {
            return render(true);
        }

        @Override
        public String toString() {
            return render(false);
        }

        private String render(boolean placeholders) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) {
                    sb.append(or ? " OR " : ", ");
                }
                Condition c = children.get(i);
                String text = placeholders ? c.describe() : c.toString();
                boolean group = c instanceof Node n && n.children.size() > 1 && !n.negated;
                sb.append(group ? "(" + text + ")" : text);
            }
            return negated ? "NOT (" + sb + ")" : sb.toString();
        }
    }

    /** AND of the conditions, as one filter() call. */
    static Condition and(List<Condition> parts) {
        List<Condition> kept = parts.stream().filter(c -> !c.isEmpty()).toList();
        return kept.size() == 1 ? kept.get(0) : new Node(false, kept, false);
    }
}
