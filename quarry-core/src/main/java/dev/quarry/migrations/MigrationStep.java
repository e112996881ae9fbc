package dev.quarry.migrations;

import dev.quarry.Quarry;

/**
 * Java code a migration runs ({@link Operation#runJava}): a data migration. It runs inside the
 * migration's transaction where the database has transactional DDL, on the migrating thread, so queries
 * through {@code quarry} take part in it.
 */
@FunctionalInterface
public interface MigrationStep {
    /** Does the step's work on the Quarry being migrated. */
    void run(Quarry quarry);
}
