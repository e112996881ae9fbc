/** Resolved expression nodes: columns, aggregates, annotation references, transforms. */
package dev.quarry.query.expr;
