/**
 * The expressions users write: field references ({@code F}), constants ({@code Value}), arithmetic,
 * functions ({@code Functions}, {@code Func}), {@code Case}/{@code When}, subqueries
 * ({@code Subquery}, {@code Exists}, {@code OuterRef}), windows and aggregates. Values only: they
 * are resolved and rendered by the query package. A leaf package: it uses only the API vocabulary.
 */
package dev.quarry.expr;
