package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's rule for squashed migrations ({@code replaces}): while all or none of the migrations a squashed
 * one replaces are applied, the squashed one is used and dependencies on the replaced ones point at it;
 * while only some are, the replaced ones are used and dependencies on the squashed one point at the last
 * of them. Replaced migrations that are no longer given (their classes deleted) are fine while the squashed
 * one is used.
 */
final class Replacements {
    private Replacements() {}

    /**
     * Which migrations to leave out, each mapped to the migration that dependencies on it are sent to; a
     * dependency on a replaced class that was not given is sent to its squashed migration when that is used.
     */
    static Map<Class<?>, Class<?>> redirects(Map<Class<?>, String> appOf, Map<Class<?>, Migration> instances,
                                             Set<String> applied) {
        Map<Class<?>, Class<?>> out = new LinkedHashMap<>();
        for (Map.Entry<Class<?>, Migration> e : instances.entrySet()) {
            List<String> replaced = e.getValue().replaces();
            if (replaced.isEmpty()) {
                continue;
            }
            String app = appOf.get(e.getKey());
            List<Class<?>> present = new ArrayList<>();
            for (String name : replaced) {
                instances.forEach((c, m) -> {
                    if (app.equals(appOf.get(c)) && m.name().equals(name)) {
                        present.add(c);
                    }
                });
            }
            long done = replaced.stream().filter(r -> applied.contains(app + "." + r)).count();
            boolean useSquashed = done == 0 || done == replaced.size();
            if (useSquashed) {
                for (Class<?> c : present) {
                    out.put(c, e.getKey());
                }
                for (Class<? extends Migration> d : dependenciesOnMissing(instances, replaced)) {
                    out.put(d, e.getKey());
                }
            } else {
                if (present.size() != replaced.size()) {
                    throw new MigrationError("Squashed migration " + app + "." + e.getValue().name() + " cannot be used: "
                            + done + " of the " + replaced.size() + " migrations it replaces are applied, so the rest must "
                            + "be applied one by one, but some are no longer given: " + replaced + "; restore them, or "
                            + "record the missing ones with withFake(true)");
                }
                out.put(e.getKey(), present.get(present.size() - 1));
            }
        }
        return out;
    }

    /** Dependency classes of the given migrations that were not given and whose names {@code replaced} lists. */
    private static List<Class<? extends Migration>> dependenciesOnMissing(Map<Class<?>, Migration> instances,
                                                                          List<String> replaced) {
        List<Class<? extends Migration>> out = new ArrayList<>();
        for (Migration m : instances.values()) {
            for (Class<? extends Migration> d : m.dependencies()) {
                if (!instances.containsKey(d) && replaced.contains(d.getSimpleName())) {
                    out.add(d);
                }
            }
        }
        return out;
    }
}
