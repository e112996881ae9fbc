/**
 * {@code makemigrations}: writes migrations as Java source with Palantir JavaPoet, in a module of its own
 * so that {@code quarry-core} keeps no dependency beyond JDBC and SLF4J. Imports {@code dev.quarry.migrations}.
 */
package dev.quarry.migrations.writer;
