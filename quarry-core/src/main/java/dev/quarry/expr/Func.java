package dev.quarry.expr;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A call of an SQL function. Quarry's own functions ({@link Functions#lower}, {@link Functions#coalesce},
 * ...) carry a {@code function} name that each backend renders its own way; a user's function is a
 * {@code template} with one {@code %s} per argument, written as it is on every database:
 * {@code Func.of("unaccent", String.class, "name")} or
 * {@code Func.template("ROUND(%s, 2)", Double.class, F.of("rating"))}. Templates are code, never
 * data: they may not hold {@code ?} or {@code ;}.
 *
 * @param function the name of a built-in function ({@code "Lower"}), or {@code null} for a template
 * @param template the SQL template of a user's function, or {@code null} for a built-in
 * @param arguments the arguments
 * @param type the Java type of the result ({@code Object.class}: the function's own)
 * @param <V> the Java type of the result
 */
public record Func<V>(String function, String template, List<Expression<?>> arguments, Class<V> type)
        implements Expression<V> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    /** Checks the parts: exactly one of function and template, and a template with one {@code %s} per argument. */
    public Func {
        Objects.requireNonNull(type, "type");
        arguments = List.copyOf(arguments);
        if ((function == null) == (template == null)) {
            throw new dev.quarry.QueryError("A Func has either a built-in function name or a template");
        }
        if (template != null) {
            if (template.contains("?") || template.contains(";")) {
                throw new dev.quarry.QueryError("Func template " + template + " may not contain '?' or ';': pass values "
                        + "as arguments (Value.of(...)), which are bound as parameters");
            }
            int slots = (template.length() - template.replace("%s", "").length()) / 2;
            if (slots != arguments.size()) {
                throw new dev.quarry.QueryError("Func template " + template + " has " + slots + " %s for "
                        + arguments.size() + " argument(s)");
            }
        }
    }

    /**
     * A user's SQL function called by name with these arguments: {@code Func.of("unaccent", String.class, "name")}
     * writes {@code unaccent("name")}. A {@code String} argument names a field; other values are bound.
     */
    public static <V> Func<V> of(String sqlFunction, Class<V> type, Object... arguments) {
        if (sqlFunction == null || !NAME.matcher(sqlFunction).matches()) {
            throw new dev.quarry.QueryError("Func.of needs an SQL function name (letters, digits, '_' and '.'); got "
                    + dev.quarry.internal.Excerpt.of(sqlFunction));
        }
        String slots = String.join(", ", java.util.Collections.nCopies(arguments.length, "%s"));
        return new Func<>(null, sqlFunction + "(" + slots + ")", Args.fields(arguments), type);
    }

    /** A user's SQL template, one {@code %s} per argument, in order: {@code Func.template("%s || %s", String.class, "a", "b")}. */
    public static <V> Func<V> template(String template, Class<V> type, Object... arguments) {
        Objects.requireNonNull(template, "template");
        return new Func<>(null, template, Args.fields(arguments), type);
    }

    /** A built-in function of Quarry's, by its registered name. */
    static <V> Func<V> builtIn(String function, Class<V> type, Object... arguments) {
        return new Func<>(function, null, Args.fields(arguments), type);
    }

    /** The same call with its result read as {@code resultType} (checked against what the function gives when resolved). */
    public <W> Func<W> as(Class<W> resultType) {
        return new Func<>(function, template, arguments, resultType);
    }

    @Override
    public String toString() {
        String args = String.join(", ", arguments.stream().map(Object::toString).toList());
        return (function != null ? function : "Func[" + template + "]") + "(" + args + ")";
    }
}
