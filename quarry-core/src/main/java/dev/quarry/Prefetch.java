package dev.quarry;

import dev.quarry.model.ModelMeta;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A prefetch path, optionally with a QuerySet of its own for the last relation of the path and a
 * name to keep its rows under (Django's {@code Prefetch(lookup, queryset, to_attr)}):
 * {@code Prefetch.of("books", Book.objects.orderBy("-published_date").limit(2)).to("recentBooks")}.
 * The QuerySet may filter, order, slice (a limit per owner, computed with {@code ROW_NUMBER()}) and
 * prefetch again; the rows kept under a name are read back with {@link Model#prefetched(String, Class)}.
 *
 * @param path the relations to follow ({@code "books__review_set"})
 * @param queryset the QuerySet the last level is loaded with, or {@code null} for all rows
 * @param toAttr the name the last level's rows are kept under instead of the relation's cache, or {@code null}
 */
public record Prefetch(String path, QuerySet<?> queryset, String toAttr) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Checks the path and the name. */
    public Prefetch {
        if (path == null || path.isBlank()) {
            throw new FieldError("A prefetch needs a relation path such as \"books\" or \"books__review_set\"");
        }
        if (toAttr != null && (!NAME.matcher(toAttr).matches() || toAttr.contains("__"))) {
            throw new FieldError(String.format("Prefetch(\"%s\").to(\"%s\"): the name to keep the rows under must be an "
                    + "identifier without \"__\", such as \"recentBooks\"", path, toAttr));
        }
    }

    /** A prefetch of the path with {@code queryset} (or {@code null}) for its last level, kept in the relation's cache. */
    public Prefetch(String path, QuerySet<?> queryset) {
        this(path, queryset, null);
    }

    /** A prefetch of the path whose last level is loaded with {@code queryset}. */
    public static Prefetch of(String path, QuerySet<?> queryset) {
        return new Prefetch(path, Objects.requireNonNull(queryset, "queryset"), null);
    }

    /** A prefetch of the path with the related model's default QuerySet. */
    public static Prefetch of(String path) {
        return new Prefetch(path, null, null);
    }

    /**
     * The same prefetch keeping the last level's rows under {@code name} (Django's {@code to_attr}),
     * read back as a list with {@link Model#prefetched(String, Class)}; the relation itself stays
     * unloaded. This Prefetch is not modified.
     */
    public Prefetch to(String name) {
        return new Prefetch(path, queryset, Objects.requireNonNull(name, "name"));
    }

    /** Refuses a QuerySet of another model than the one the path ends on. */
    void check(ModelMeta end) {
        if (queryset != null && queryset.type() != end.type()) {
            throw new FieldError(queryset.type(), path, String.format("Prefetch(\"%s\") ends on %s, but its QuerySet is of %s",
                    path, end.name(), queryset.type().getSimpleName()));
        }
    }
}
