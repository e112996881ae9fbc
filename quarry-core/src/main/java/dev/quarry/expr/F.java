package dev.quarry.expr;

/**
 * A reference to a field (or annotation) of the row, by lookup path: {@code F.of("stock")},
 * {@code F.of("author__birth_year")}. Resolved when the QuerySet is built: a path that names no
 * field is a {@code FieldError} listing the choices. Paths across multi-valued relations follow the
 * same join rules as lookups.
 *
 * @param path the lookup path ({@code "books__pages"}), Java or snake_case names
 */
public record F(String path) implements Expression<Object> {
    /** Checks the path. */
    public F {
        if (path == null || path.isBlank()) {
            throw new dev.quarry.FieldError("F() needs a field path such as \"stock\" or \"author__name\"");
        }
    }

    /** The field at this path. */
    public static F of(String path) {
        return new F(path);
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public String toString() {
        return "F(" + path + ")";
    }
}
