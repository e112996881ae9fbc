package dev.quarry.spi;

import java.util.List;

/**
 * A named index of a table, as the schema editor sees it: Django's {@code Index} ({@code unique}
 * false) or a {@code UniqueConstraint} ({@code unique} true), which every backend writes as a unique index.
 *
 * @param name the index name, unique in the database
 * @param columns the indexed columns, in order
 * @param unique whether the index refuses two rows with the same values
 */
public record IndexDef(String name, List<String> columns, boolean unique) {
    /** Copies {@code columns}. */
    public IndexDef {
        columns = List.copyOf(columns);
    }
}
