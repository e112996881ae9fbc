package dev.quarry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL a QuerySet runs, without running it: the text with {@code ?} placeholders, the values
 * bound to them, and a copy with the values inlined as literals for pasting into a database shell
 * (Quarry itself always binds). A value.
 *
 * @param text the statement with {@code ?} placeholders
 * @param parameters the values, in placeholder order
 * @param inlined the statement with each value written as a literal; for reading, never for running
 */
public record Sql(String text, List<Object> parameters, String inlined) {
    /** Copies the parameters. */
    public Sql {
        parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** The text with placeholders. */
    @Override
    public String toString() {
        return text;
    }
}
