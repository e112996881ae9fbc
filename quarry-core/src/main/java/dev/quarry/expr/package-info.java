/** Static factories for the expressions users write: aggregates over lookup paths. A leaf package. */
package dev.quarry.expr;
