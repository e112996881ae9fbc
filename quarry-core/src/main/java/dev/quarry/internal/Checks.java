package dev.quarry.internal;

import java.util.function.Function;

/** Argument checks that build their message only when they fail. */
public final class Checks {
    private Checks() {}

    /** Throws the exception made from the formatted message when {@code condition} is false. */
    public static void check(boolean condition, Function<String, ? extends RuntimeException> error,
                             String format, Object... args) {
        if (!condition) {
            throw error.apply(String.format(format, args));
        }
    }

    /** Throws {@code IllegalArgumentException} with the formatted message when {@code condition} is false. */
    public static void argument(boolean condition, String format, Object... args) {
        check(condition, IllegalArgumentException::new, format, args);
    }

    /** Returns {@code value}, or throws {@code NullPointerException} naming it. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " is required");
        }
        return value;
    }
}
