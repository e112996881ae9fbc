package dev.quarry.query.expr;

/**
 * An expression computed from one other expression, its source (a JSON key path, an array element): when
 * a condition's joins are planned, the source column moves to its table alias and the transform follows.
 */
public interface TransformExpr extends Expr {
    /** The expression this one is computed from. */
    Expr source();

    /** The same transform of another source. */
    Expr withSource(Expr source);
}
