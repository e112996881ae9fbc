package dev.quarry;

import java.util.List;
import java.util.Map;

/**
 * The query surface of model rows, shared by {@link QuerySet}, {@link Manager} and
 * {@link RelatedManager}: the common {@link Queryable} methods plus loading strategies, value
 * projections and bulk updates. Every method here exists on all three, so code written against
 * one entry point works on the others.
 *
 * @param <T> the model
 */
public interface ModelQueryable<T extends Model> extends Queryable<T, QuerySet<T>> {
    /** Loads these forward foreign keys in the same query with joins; none means every non-null one. */
    QuerySet<T> selectRelated(String... paths);

    /** Loads these relations with one query per level after the main query ({@code "books__review_set"}). */
    QuerySet<T> prefetchRelated(String first, String... more);

    /** Prefetches with QuerySets of their own for the last level of each path. */
    QuerySet<T> prefetchRelated(Prefetch first, Prefetch... more);

    /** What touching an unloaded relation does on the instances this query loads. */
    QuerySet<T> fetchMode(FetchMode mode);

    /** Rows as maps from these paths (none: every concrete field and annotation) to values. */
    ValuesQuerySet<Map<String, Object>> values(String... paths);

    /** Rows as lists of these paths' values, in order. */
    ValuesQuerySet<List<Object>> valuesList(String first, String... more);

    /**
     * The values of one path, each as {@code type} ({@code valuesList("title", String.class)});
     * a type that cannot hold the path's values fails when the query is built.
     */
    <V> ValuesQuerySet<V> valuesList(String path, Class<V> type);

    /**
     * The same rows, locked for the rest of the transaction as they are read
     * ({@code SELECT ... FOR UPDATE}); another transaction's locking read or write of them waits
     * until this one ends. Refused outside a transaction ({@link TransactionManagementError}). On
     * SQLite it adds nothing, as in Django: there a transaction holds the write lock from its start.
     */
    QuerySet<T> selectForUpdate();

    /**
     * The same rows, locked as they are read; {@code onLocked} says what to do with rows another
     * transaction holds ({@code NOWAIT} fails at once, {@code SKIP_LOCKED} leaves them out), and
     * {@code of} limits the lock to these tables: {@code "self"} for this model, a
     * {@code selectRelated} path for the others. An option the database lacks is a
     * {@link NotSupportedError} before any SQL (MariaDB has no {@code OF}).
     */
    QuerySet<T> selectForUpdate(OnLocked onLocked, String... of);

    /** Sets one field on every matching row in one UPDATE; returns the number of rows. */
    int update(String field, Object value);

    /** Sets these fields (by name) on every matching row in one UPDATE; returns the number of rows. */
    int update(Map<String, ?> fieldValues);
}
