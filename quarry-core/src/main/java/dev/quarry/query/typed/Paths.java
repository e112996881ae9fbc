package dev.quarry.query.typed;

import dev.quarry.FieldError;

/** Checks shared by the path types: a path is a non-empty lookup string. */
final class Paths {
    private Paths() {}

    static String check(String path) {
        if (path == null || path.isEmpty() || path.startsWith("__") || path.endsWith("__")) {
            throw new FieldError("A typed path needs a lookup string such as \"title\" or \"author__name\"; got "
                    + (path == null ? "null" : "'" + path + "'"));
        }
        return path;
    }

    static String join(String prefix, String name) {
        return check(prefix) + "__" + check(name);
    }
}
