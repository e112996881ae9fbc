package dev.quarry.internal;

/** A bounded, readable excerpt of a value for error messages: never more than a few dozen characters of user data. */
public final class Excerpt {
    /** The most characters of a value's text an excerpt shows. */
    public static final int MAX = 40;

    private Excerpt() {}

    /** {@code 'text'} (quoted, cut at {@value #MAX} characters with the full length noted), a number, or a type name. */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return cut(value.toString());
        }
        if (value instanceof CharSequence s) {
            return "'" + cut(s.toString()) + "'";
        }
        if (value instanceof java.util.Collection<?> c) {
            return "a " + value.getClass().getSimpleName() + " of " + c.size() + " values";
        }
        if (value.getClass().isArray()) {
            return "an array of " + java.lang.reflect.Array.getLength(value) + " values";
        }
        return "a " + value.getClass().getSimpleName() + " (" + cut(value.toString()) + ")";
    }

    private static String cut(String s) {
        if (s.length() <= MAX) {
            return s;
        }
        return s.substring(0, MAX) + "… (" + s.length() + " characters)";
    }
}
