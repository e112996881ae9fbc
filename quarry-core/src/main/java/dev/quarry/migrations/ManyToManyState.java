package dev.quarry.migrations;

import java.util.Objects;

/**
 * A many-to-many field as migrations know it: its automatic through table and the two columns that
 * form a unique pair.
 *
 * @param name the Java field name ({@code tags})
 * @param relatedModel the name of the model at the far end ({@code Tag})
 * @param throughTable the through table ({@code book_tags})
 * @param sourceColumn the column referring to the declaring model ({@code book_id})
 * @param targetColumn the column referring to the related model ({@code tag_id})
 */
public record ManyToManyState(String name, String relatedModel, String throughTable, String sourceColumn,
                              String targetColumn) {
    /** Checks that every part is given. */
    public ManyToManyState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(relatedModel, "relatedModel");
        Objects.requireNonNull(throughTable, "throughTable");
        Objects.requireNonNull(sourceColumn, "sourceColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
    }
}
