package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Start-up checks on the names that must be unique among one Quarry's models: two models may not share a
 * table (Django's models.E028), and two models with the same class name in different packages need
 * distinct labels in deletion counts.
 */
final class TableNames {
    private TableNames() {}

    /**
     * Refuses two models on one table, naming both and the fix. Names are compared ignoring case, as
     * SQLite (and MariaDB on case-insensitive file systems) does.
     */
    static void checkUnique(Collection<ModelMeta> models, java.util.function.Consumer<ImproperlyConfigured> problems) {
        Map<String, ModelMeta> byTable = new HashMap<>();
        for (ModelMeta meta : models) {
            if (meta.isProxy()) {
                continue; // a proxy is another class over its concrete model's table, not a second table
            }
            ModelMeta other = byTable.putIfAbsent(meta.table().toLowerCase(Locale.ROOT), meta);
            if (other != null) {
                problems.accept(new ImproperlyConfigured(String.format("Table '%s' is used by two models: %s and %s. Give "
                        + "one of them another table with @Meta(dbTable = \"...\")", meta.table(), other.type().getName(),
                        meta.type().getName())));
            }
        }
    }

    /** The class names that two or more of {@code models} share (their deletion counts use the qualified name). */
    static Set<String> sharedNames(Collection<ModelMeta> models) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (ModelMeta meta : models) {
            if (!seen.add(meta.name())) {
                shared.add(meta.name());
            }
        }
        return Set.copyOf(shared);
    }
}
