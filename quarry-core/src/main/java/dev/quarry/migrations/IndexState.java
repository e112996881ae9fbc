package dev.quarry.migrations;

import java.util.List;
import java.util.Objects;

/**
 * A named index of a model (Django's {@code Index}) or, in a model's constraints, a named unique
 * constraint ({@code UniqueConstraint}) over some of its fields.
 *
 * @param name the index or constraint name, unique in the database
 * @param fields the Java names of the fields it covers, in order
 */
public record IndexState(String name, List<String> fields) {
    /** Copies the fields; at least one is needed. */
    public IndexState {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Index " + name + " names no field");
        }
    }

    /** An index or constraint over these fields. */
    public static IndexState of(String name, String... fields) {
        return new IndexState(name, List.of(fields));
    }
}
