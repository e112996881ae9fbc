package dev.quarry;

/**
 * A prefetch with a QuerySet of its own for the last relation of the path:
 * {@code Prefetch.of("books", Book.objects.filter("published_date__year", 2020))}.
 */
public record Prefetch(String path, QuerySet<?> queryset) {
    public static Prefetch of(String path, QuerySet<?> queryset) {
        return new Prefetch(path, queryset);
    }

    /** A prefetch of the path with the related model's default QuerySet. */
    public static Prefetch of(String path) {
        return new Prefetch(path, null);
    }
}
