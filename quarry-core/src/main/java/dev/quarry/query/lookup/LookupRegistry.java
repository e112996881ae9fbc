package dev.quarry.query.lookup;

import dev.quarry.FieldError;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.FuncCall;
import dev.quarry.query.expr.TransformCall;
import dev.quarry.spi.Transform;
import dev.quarry.query.func.FunctionDef;
import dev.quarry.query.func.FunctionRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The built-in lookups and transforms, by the name lookup strings use. */
public final class LookupRegistry {
    private static final Map<String, Lookup> BUILT_IN = List.<Lookup>of(
                    new Exact(), new IExact(), new Contains(), new IContains(), new StartsWith(), new IStartsWith(),
                    new EndsWith(), new IEndsWith(), new In(), new Gt(), new Gte(), new Lt(), new Lte(), new Range(),
                    new IsNull(), new Regex(false), new Regex(true))
            .stream().collect(Collectors.toUnmodifiableMap(Lookup::name, Function.identity()));
    private static final Map<String, Transform> CUSTOM_TRANSFORMS = customTransforms();
    private static final Map<String, Lookup> DEFAULTS = withCustomLookups();

    /** The built-in lookups and those registered through {@code META-INF/services/dev.quarry.spi.Lookup}. */
    private static Map<String, Lookup> withCustomLookups() {
        Map<String, Lookup> all = new java.util.HashMap<>(BUILT_IN);
        for (dev.quarry.spi.Lookup l : java.util.ServiceLoader.load(dev.quarry.spi.Lookup.class)) {
            checkFree(l.name(), "lookup", l);
            all.put(l.name(), new SpiLookup(l));
        }
        return Map.copyOf(all);
    }

    /** The transforms registered through {@code META-INF/services/dev.quarry.spi.Transform}. */
    private static Map<String, Transform> customTransforms() {
        Map<String, Transform> all = new java.util.HashMap<>();
        for (Transform t : java.util.ServiceLoader.load(Transform.class)) {
            checkFree(t.name(), "transform", t);
            if (all.containsKey(t.name())) {
                throw new dev.quarry.ImproperlyConfigured("Two custom transforms are named '" + t.name() + "': "
                        + all.get(t.name()).getClass().getName() + " and " + t.getClass().getName());
            }
            all.put(t.name(), t);
        }
        return Map.copyOf(all);
    }

    private static void checkFree(String name, String what, Object owner) {
        if (name == null || !name.matches("[a-z][a-z0-9_]*") || name.contains("__") || BUILT_IN.containsKey(name)
                || FunctionRegistry.dateTransform(name) != null
                || (what.equals("lookup") && CUSTOM_TRANSFORMS != null && CUSTOM_TRANSFORMS.containsKey(name))) {
            throw new dev.quarry.ImproperlyConfigured("The custom " + what + " " + owner.getClass().getName() + " is named "
                    + dev.quarry.internal.Excerpt.of(name) + ": use lower-case letters, digits and single underscores, "
                    + "and no name of a built-in lookup or transform");
        }
    }

    private LookupRegistry() {}

    /** The lookup of this name, or {@code null}. */
    public static Lookup lookup(String name) {
        return DEFAULTS.get(name);
    }

    /** The default lookup, {@code exact}. */
    public static Lookup exact() {
        return DEFAULTS.get(Exact.NAME);
    }

    /** Whether this name is a transform ({@code year}, {@code date}, ..., or one registered through the SPI). */
    public static boolean isTransform(String name) {
        return FunctionRegistry.dateTransform(name) != null || CUSTOM_TRANSFORMS.containsKey(name);
    }

    /**
     * {@code source} after the transform {@code name}; a transform that does not apply to its kind
     * is a FieldError on {@code model} naming {@code subject}.
     */
    public static Expr applyTransform(Class<?> model, String name, Expr source, String subject) {
        Transform custom = CUSTOM_TRANSFORMS.get(name);
        if (custom != null) {
            try {
                return new TransformCall(custom, source, custom.outputType(source.outputType()));
            } catch (IllegalArgumentException e) {
                throw new FieldError(model, name, String.format("Unsupported transform '%s' for %s field '%s': %s", name,
                        source.outputType(), subject, e.getMessage()));
            }
        }
        FunctionDef f = FunctionRegistry.dateTransform(name);
        try {
            return new FuncCall(f, List.of(source), f.resolve(List.of(source), null));
        } catch (FunctionDef.Mismatch e) {
            throw new FieldError(model, name, String.format("Unsupported transform '%s' for %s field '%s': %s", name,
                    source.outputType(), subject, e.getMessage()));
        }
    }

    /** Whether this name is a lookup or a transform. */
    public static boolean isLookupOrTransform(String name) {
        return DEFAULTS.containsKey(name) || isTransform(name);
    }

    /** Every lookup and transform name, sorted, for error messages. */
    public static List<String> names() {
        TreeSet<String> all = new TreeSet<>(DEFAULTS.keySet());
        all.addAll(FunctionRegistry.dateTransformNames());
        all.addAll(CUSTOM_TRANSFORMS.keySet());
        return List.copyOf(all);
    }
}
