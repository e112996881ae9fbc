package dev.quarry.migrations;

import java.time.Instant;

/**
 * One line of {@code showmigrations}: a migration and whether it is applied.
 *
 * @param app the app
 * @param name the migration's name
 * @param applied when it was applied, or {@code null} when it is pending (or partly applied)
 * @param progress while partly applied (a run stopped half-way where DDL is not transactional): how many of
 *     its first operations are applied; otherwise {@code null}
 */
public record MigrationStatus(String app, String name, Instant applied, Integer progress) {
    /** Whether the migration is fully applied. */
    public boolean isApplied() {
        return applied != null;
    }

    /** {@code [X] library.M0001Initial}, {@code [ ] ...}, or {@code [~] ... (2 operations applied)}, as {@code showmigrations} prints. */
    @Override
    public String toString() {
        return (applied != null ? "[X] " : progress != null ? "[~] " : "[ ] ") + app + "." + name
                + (progress != null ? " (" + progress + " operations applied)" : "");
    }
}
