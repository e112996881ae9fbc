package dev.quarry;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SQL a QuerySet runs, without running it: the text with {@code ?} placeholders, the values
 * bound to them, and on request a copy with the values inlined as literals for pasting into a
 * database shell (Quarry itself always binds). A value: equal when text and values are.
 */
public final class Sql {
    private final String text;
    private final List<Object> parameters;
    private final Supplier<String> inliner;

    private Sql(String text, List<Object> parameters, Supplier<String> inliner) {
        this.text = Objects.requireNonNull(text, "text");
        this.parameters = dev.quarry.internal.FrozenList.of(parameters);
        this.inliner = inliner;
    }

    /**
     * A statement's text and values; {@code inlined} writes the values in as literals when asked
     * (built by Quarry's loader, which knows the database's literal syntax).
     */
    public static Sql of(String text, List<Object> parameters, Supplier<String> inlined) {
        return new Sql(text, parameters, Objects.requireNonNull(inlined, "inlined"));
    }

    /** The statement with {@code ?} placeholders. */
    public String text() {
        return text;
    }

    /** The values, in placeholder order. */
    public List<Object> parameters() {
        return parameters;
    }

    /** The statement with each value written as a literal: for reading and shells, never for running; as sensitive as the values. */
    public String inlined() {
        return inliner.get();
    }

    /** Equal when the text and the values are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Sql s && s.text.equals(text) && s.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, parameters);
    }

    /** The text with placeholders. */
    @Override
    public String toString() {
        return text;
    }
}
