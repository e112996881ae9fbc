/**
 * Quarry's built-in database functions: one definition each (arity, the kind of its result, the
 * standard SQL), registered by name in {@link dev.quarry.query.func.FunctionRegistry}; backends
 * override the SQL through {@code Operations.function(name)}. Part of the query package: no sql,
 * backend or db.
 */
package dev.quarry.query.func;
