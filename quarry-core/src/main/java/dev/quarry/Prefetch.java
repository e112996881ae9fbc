package dev.quarry;

import dev.quarry.model.ModelMeta;

/**
 * A prefetch path, optionally with a QuerySet of its own for the last relation of the path:
 * {@code Prefetch.of("books", Book.objects.filter("published_date__year", 2020))}.
 *
 * @param path the relations to follow ({@code "books__review_set"})
 * @param queryset the QuerySet the last level is loaded with, or {@code null} for all rows
 */
public record Prefetch(String path, QuerySet<?> queryset) {
    /** Checks the path. */
    public Prefetch {
        if (path == null || path.isBlank()) {
            throw new FieldError("A prefetch needs a relation path such as \"books\" or \"books__review_set\"");
        }
    }

    /** A prefetch of the path whose last level is loaded with {@code queryset}. */
    public static Prefetch of(String path, QuerySet<?> queryset) {
        return new Prefetch(path, java.util.Objects.requireNonNull(queryset, "queryset"));
    }

    /** A prefetch of the path with the related model's default QuerySet. */
    public static Prefetch of(String path) {
        return new Prefetch(path, null);
    }

    /** Refuses a QuerySet of another model than the one the path ends on. */
    void check(ModelMeta end) {
        if (queryset != null && queryset.type() != end.type()) {
            throw new FieldError(queryset.type(), path, String.format("Prefetch(\"%s\") ends on %s, but its QuerySet is of %s",
                    path, end.name(), queryset.type().getSimpleName()));
        }
    }
}
