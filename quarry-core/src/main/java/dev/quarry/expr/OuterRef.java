package dev.quarry.expr;

/**
 * A field of the enclosing query, inside a {@link Subquery} or {@link Exists}:
 * {@code Book.objects.filter("author", OuterRef.of("pk"))}. {@code OuterRef.of(OuterRef.of("pk"))}
 * reaches two levels out. A query holding one runs only inside another; run on its own, it is
 * refused before any SQL.
 *
 * @param path the lookup path in the enclosing query
 * @param depth how many queries out: 1 for the enclosing one
 */
public record OuterRef(String path, int depth) implements Expression<Object> {
    /** Checks the parts. */
    public OuterRef {
        if (path == null || path.isBlank()) {
            throw new dev.quarry.FieldError("OuterRef() needs a field path of the enclosing query, such as \"pk\"");
        }
        if (depth < 1) {
            throw new dev.quarry.QueryError("OuterRef depth must be 1 or more; got " + depth);
        }
    }

    /** The field at {@code path} of the enclosing query. */
    public static OuterRef of(String path) {
        return new OuterRef(path, 1);
    }

    /** The field {@code inner} names, one query further out ({@code OuterRef(OuterRef("pk"))}). */
    public static OuterRef of(OuterRef inner) {
        return new OuterRef(inner.path(), inner.depth() + 1);
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public String toString() {
        return "OuterRef(".repeat(depth) + path + ")".repeat(depth);
    }
}
