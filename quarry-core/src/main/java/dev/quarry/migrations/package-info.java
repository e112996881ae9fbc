/**
 * Django-style migrations: the state of the models rebuilt from migrations' operations (never read from
 * a live database), the operations with their schema changes both ways, the autodetector that diffs the
 * models against that state, and the {@link dev.quarry.migrations.Migrator} that applies and unapplies
 * migrations, records them in {@code quarry_migrations}, and keeps concurrent runs apart. Imports the API
 * package, {@code model} (reading the registry), {@code schema}, {@code spi}, {@code backend} (choosing a
 * backend by vendor), {@code db}, {@code sql} and {@code load} (a Quarry's database). See docs/migrations.md.
 */
package dev.quarry.migrations;
