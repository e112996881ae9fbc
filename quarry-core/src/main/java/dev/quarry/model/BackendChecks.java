package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.Feature;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Features;
import java.util.List;

/**
 * Start-up checks of models against one database's features (Django's database-specific system checks):
 * a field kind the database cannot hold is refused when the Quarry is built, before any SQL.
 */
public final class BackendChecks {
    private BackendChecks() {}

    /**
     * Refuses the first field of {@code models} that the database named {@code database} ({@code vendor})
     * cannot hold: an {@code @ArrayField} without {@link Feature#ARRAY_FIELD}.
     */
    public static void check(List<ModelMeta> models, Features features, String database, String vendor) {
        List<ImproperlyConfigured> found = problems(models, features, database, vendor);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }

    /** Every field of {@code models} that the database cannot hold, at once ({@code quarry check}); empty when none. */
    public static List<ImproperlyConfigured> problems(List<ModelMeta> models, Features features, String database,
                                                      String vendor) {
        List<ImproperlyConfigured> found = new java.util.ArrayList<>();
        if (features.has(Feature.ARRAY_FIELD)) {
            return found;
        }
        for (ModelMeta m : models) {
            for (FieldMeta f : m.fields()) {
                if (f.type() == FieldType.ARRAY) {
                    found.add(new ImproperlyConfigured(String.format("%s.%s is an @ArrayField, which the database \"%s\" "
                            + "(%s) cannot hold: array columns need a backend with Feature.ARRAY_FIELD (PostgreSQL). "
                            + "Use a @JSONField or a many-to-many relation instead, or keep %s off \"%s\" with a router's "
                            + "allowMigrate", m.name(), f.name(), database, vendor, m.name(), database)));
                }
            }
        }
        return found;
    }
}
