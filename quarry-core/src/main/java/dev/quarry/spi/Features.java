package dev.quarry.spi;

import java.util.EnumSet;
import java.util.Set;

/** What a database can do, as data: a set of {@link Feature}s and numeric limits. */
public record Features(Set<Feature> flags, int maxInListSize, int maxBindParameters) {
    /** The features of a backend; the flags are copied. */
    public Features {
        flags = Set.copyOf(flags.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(flags));
    }

    /** Whether the database has this capability. */
    public boolean has(Feature feature) {
        return flags.contains(feature);
    }
}
