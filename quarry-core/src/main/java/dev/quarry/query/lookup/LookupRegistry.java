package dev.quarry.query.lookup;

import dev.quarry.spi.DatePart;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in lookups and transforms, by the name lookup strings use. */
public final class LookupRegistry {
    private static final Map<String, Lookup> DEFAULTS = List.<Lookup>of(
                    new Exact(), new IExact(), new Contains(), new IContains(), new StartsWith(), new IStartsWith(),
                    new EndsWith(), new IEndsWith(), new In(), new Gt(), new Gte(), new Lt(), new Lte(), new Range(),
                    new IsNull())
            .stream().collect(Collectors.toUnmodifiableMap(Lookup::name, Function.identity()));

    private static final Map<String, DatePart> TRANSFORMS = Map.of(
            "year", DatePart.YEAR, "month", DatePart.MONTH, "day", DatePart.DAY);

    private LookupRegistry() {}

    /** The lookup of this name, or {@code null}. */
    public static Lookup lookup(String name) {
        return DEFAULTS.get(name);
    }

    /** The default lookup, {@code exact}. */
    public static Lookup exact() {
        return DEFAULTS.get(Exact.NAME);
    }

    /** The date part a transform name extracts, or {@code null}. */
    public static DatePart transform(String name) {
        return TRANSFORMS.get(name);
    }

    /** Whether this name is a lookup or a transform. */
    public static boolean isLookupOrTransform(String name) {
        return DEFAULTS.containsKey(name) || TRANSFORMS.containsKey(name);
    }

    /** Every lookup and transform name, sorted, for error messages. */
    public static List<String> names() {
        TreeSet<String> all = new TreeSet<>(DEFAULTS.keySet());
        all.addAll(TRANSFORMS.keySet());
        return List.copyOf(all);
    }
}
