/**
 * The runtime path types of the typed metamodel: the classes {@code quarry-processor} generates
 * ({@code Book_}, {@code Author_}) hold one path per field and relation, and each path turns a
 * call into exactly the {@link dev.quarry.Q}, {@link dev.quarry.Ordering}, {@link dev.quarry.expr.F}
 * or aggregate the lookup string would give ({@code Book_.author.name.icontains("x")} equals
 * {@code Q.of("author__name__icontains", "x")}), so javac checks the names and value types while the
 * query tree stays the one of the strings. Imports only the API vocabulary ({@code dev.quarry},
 * {@code dev.quarry.expr}).
 */
package dev.quarry.query.typed;
