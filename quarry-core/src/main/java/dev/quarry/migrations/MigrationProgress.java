package dev.quarry.migrations;

/**
 * Told how a migration run advances, for a command to show progress ({@code quarry migrate} prints a dot
 * per operation). Called on the migrating thread, inside the run's transaction where there is one.
 */
@FunctionalInterface
public interface MigrationProgress {
    /** Reports nothing. */
    MigrationProgress NONE = (migration, backwards, done, total) -> { };

    /**
     * Migration {@code migration} ({@code app.Name}) is being applied, or unapplied when {@code backwards}:
     * called with {@code done} 0 as it starts, then after each of its {@code total} operations (a faked or
     * empty migration: once more, with {@code done == total}).
     */
    void progressed(String migration, boolean backwards, int done, int total);
}
