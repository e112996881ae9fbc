package dev.quarry.query;

import dev.quarry.query.expr.Expr;
import java.util.List;
import java.util.Map;

/**
 * How {@code aggregate()} computes its values, decided when resolved ({@link AggregatePlanner}):
 * <ul>
 *   <li>{@code parts} of one {@link Part}: one SELECT of the aggregates over the query's rows (or,
 *       when {@link Part#wrapped()}, over the query as a derived table: it is annotated, distinct
 *       or sliced, as Django wraps it);</li>
 *   <li>several parts: the aggregates need different rows (different multi-valued relations, whose
 *       joins would multiply each other's rows, Django's #10060; or a relation beside a wrapped
 *       query's annotations), so each part is one SELECT of one row, the parts cross-joined.</li>
 * </ul>
 * Each output alias is computed by one part; {@code outputs} gives the expression whose kind reads it.
 *
 * @param parts the parts, in order
 * @param outputs every output alias with its resolved expression, in order
 */
public record AggregateQuery(List<Part> parts, Map<String, Expr> outputs) {
    /**
     * One SELECT: {@code aggregates} (alias to expression) over {@code tree}; when {@code wrapped},
     * each expression aggregates a column {@code __colN} the tree selects ({@link QueryTree#wrappedInputs()}).
     *
     * @param tree the rows aggregated over
     * @param aggregates the aggregates by output alias
     * @param wrapped whether the tree is a derived table
     */
    public record Part(QueryTree tree, Map<String, Expr> aggregates, boolean wrapped) {
        /** Copies the aggregates. */
        public Part {
            aggregates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(aggregates));
        }
    }

    /** Copies the parts. */
    public AggregateQuery {
        parts = List.copyOf(parts);
    }

    /** Whether every part matches no row, so no SQL need run. */
    public boolean matchesNothing() {
        return parts.stream().allMatch(p -> p.tree().matchesNothing());
    }
}
