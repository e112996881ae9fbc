package dev.quarry.query.lookup;

import dev.quarry.FieldError;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.FuncCall;
import dev.quarry.query.func.FunctionDef;
import dev.quarry.query.func.FunctionRegistry;
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

    private LookupRegistry() {}

    /** The lookup of this name, or {@code null}. */
    public static Lookup lookup(String name) {
        return DEFAULTS.get(name);
    }

    /** The default lookup, {@code exact}. */
    public static Lookup exact() {
        return DEFAULTS.get(Exact.NAME);
    }

    /** Whether this name is a transform ({@code year}, {@code date}, ...). */
    public static boolean isTransform(String name) {
        return FunctionRegistry.dateTransform(name) != null;
    }

    /**
     * {@code source} after the transform {@code name}; a transform that does not apply to its kind
     * is a FieldError on {@code model} naming {@code subject}.
     */
    public static Expr applyTransform(Class<?> model, String name, Expr source, String subject) {
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
        return List.copyOf(all);
    }
}
