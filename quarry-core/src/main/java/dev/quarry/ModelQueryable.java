package dev.quarry;

import dev.quarry.expr.Expression;
import dev.quarry.query.typed.FieldPath;
import dev.quarry.query.typed.RelatedPath;
import dev.quarry.query.typed.RelationPath;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

    /**
     * Loads these single-valued relations in the same query with joins, by typed path:
     * {@code selectRelated(Review_.book.author)} is {@code selectRelated("book__author")}.
     */
    default QuerySet<T> selectRelated(RelationPath<?> first, RelationPath<?>... more) {
        String[] paths = new String[more.length + 1];
        paths[0] = first.accessorPath();
        for (int i = 0; i < more.length; i++) {
            paths[i + 1] = more[i].accessorPath();
        }
        return selectRelated(paths);
    }

    /**
     * Loads these relations with one query per level, by typed path:
     * {@code prefetchRelated(Author_.books.review)} is {@code prefetchRelated("books__review_set")}.
     */
    default QuerySet<T> prefetchRelated(RelatedPath<?> first, RelatedPath<?>... more) {
        String[] rest = new String[more.length];
        for (int i = 0; i < more.length; i++) {
            rest[i] = more[i].accessorPath();
        }
        return prefetchRelated(first.accessorPath(), rest);
    }

    /** What touching an unloaded relation does on the instances this query loads. */
    QuerySet<T> fetchMode(FetchMode mode);

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

    /**
     * The one row matching every entry of {@code lookup} (field or lookup names and values, ANDed as
     * one {@code filter()} call), or a new row made from the entries that name a field (those
     * without {@code __}) and saved; {@link Created#created()} says which (Django's
     * {@code get_or_create}). Safe under concurrent callers when the lookup names a unique field: a
     * caller whose insert loses to another's gets the other's row. Two statements when the row is
     * new, one when it exists.
     */
    Created<T> getOrCreate(Map<String, ?> lookup);

    /** As {@link #getOrCreate(Map)}; a new row gets {@code defaults} applied after the lookup's fields. */
    Created<T> getOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults);

    /** As {@link #getOrCreate(Map)}; a new row also gets these field values ({@code Map.of("qty", 1)}). */
    Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /**
     * In one transaction: the row matching {@code lookup}, locked ({@code selectForUpdate}), with
     * {@code defaults} applied and saved; or a new row as {@link #getOrCreate(Map, Consumer)} makes
     * it (Django's {@code update_or_create}). Concurrent callers on one row run one after another.
     */
    Created<T> updateOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults);

    /** As {@link #updateOrCreate(Map, Consumer)}, with the new values as field names and values. */
    Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /**
     * Writes these fields of each object to its row, in one UPDATE per batch
     * ({@code SET f = CASE WHEN pk = ? THEN ? ... END WHERE pk IN (...)}), in one transaction
     * (Django's {@code bulk_update}); rows this query's filters leave out are not changed. Returns the
     * number of rows matched. Every object needs a primary key; the primary key cannot be one of the
     * fields. A model with a {@code @VersionField} gets its version raised, without a check.
     */
    int bulkUpdate(Collection<? extends T> objects, String field, String... more);

    /** As {@link #bulkUpdate(Collection, String, String...)}, at most {@code batchSize} objects per UPDATE (0: as many as fit). */
    int bulkUpdate(Collection<? extends T> objects, List<String> fields, int batchSize);

    /**
     * The rows whose primary key is one of {@code keys}, by key, in the order of {@code keys} (missing
     * ones left out), in one query per batch of keys (Django's {@code in_bulk}); the map's keys are
     * the caller's own values. No query for no keys; refused after limit/offset/slice.
     */
    <K> Map<K, T> inBulk(Collection<K> keys);

    /** As {@link #inBulk(Collection)}, by the values of a unique {@code field} instead of the primary key. */
    <K> Map<K, T> inBulk(String field, Collection<K> values);

    /** Sets one field on every matching row in one UPDATE; returns the number of rows. */
    int update(String field, Object value);

    /** Sets these fields (by name) on every matching row in one UPDATE; returns the number of rows. */
    int update(Map<String, ?> fieldValues);

    /**
     * Sets one field, by typed path, on every matching row in one UPDATE: {@code update(Book_.isbn, "x")}
     * is {@code update("isbn", "x")}; returns the number of rows.
     */
    default <V> int update(FieldPath<V> field, V value) {
        return update(field.path(), value);
    }

    /**
     * Sets one field, by typed path, to an expression on every matching row:
     * {@code update(Review_.rating, Review_.rating.f().plus(1))} is {@code update("rating", F.of("rating").plus(1))}.
     */
    default int update(FieldPath<?> field, Expression<?> value) {
        return update(field.path(), value);
    }

    /** Points a foreign key, by typed path, at {@code target} on every matching row ({@code null} clears it). */
    default <M extends Model> int update(RelationPath<M> relation, M target) {
        return update(relation.path(), target);
    }
}
