/**
 * Resolved expression nodes: columns, constants, arithmetic, function calls, CASE, aggregates,
 * subqueries, windows. Each renders itself through {@code RenderContext}; backend differences are
 * asked of {@code Operations}.
 */
package dev.quarry.query.expr;
