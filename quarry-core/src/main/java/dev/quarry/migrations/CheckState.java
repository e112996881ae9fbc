package dev.quarry.migrations;

import java.util.Objects;

/**
 * A named CHECK constraint of a model (Django's {@code CheckConstraint}), as {@code @Meta(checks)} declares
 * it: its condition is SQL over the table's columns.
 *
 * @param name the constraint name, unique in the table
 * @param condition the SQL condition ({@code price >= 0})
 */
public record CheckState(String name, String condition) {
    /** Refuses a blank name or condition. */
    public CheckState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        if (name.isBlank() || condition.isBlank()) {
            throw new MigrationError("A check constraint needs a name and a condition; got name '" + name
                    + "' and condition '" + condition + "'");
        }
    }

    /** The constraint {@code name} with {@code condition}. */
    public static CheckState of(String name, String condition) {
        return new CheckState(name, condition);
    }
}
