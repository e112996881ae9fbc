/**
 * The annotation processor that writes the typed metamodel of Quarry models ({@code Book_},
 * {@code Author_}): one path constant per field and relation, forward and reverse, named as the
 * registry names them. It reads Quarry's annotations by name and imports nothing of Quarry, so it
 * runs on the compiler's class path only; the generated code refers to {@code dev.quarry.query.typed}.
 */
package dev.quarry.processor;
