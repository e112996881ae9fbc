package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model query surface implemented once for the entry points that are not QuerySets
 * ({@link Manager}, {@link RelatedManager}): every method starts from {@link #all()}. Adding a
 * method to {@link ModelQueryable} adds it here, so the entry points cannot drift apart.
 */
interface DelegatingQueryable<T extends Model> extends ModelQueryable<T> {
    /** The QuerySet every method starts from. */
    QuerySet<T> all();

    @Override
    default QuerySet<T> filter(String lookup, Object value) {
        return all().filter(lookup, value);
    }

    @Override
    default QuerySet<T> filter(Q first, Q... more) {
        return all().filter(first, more);
    }

    @Override
    default QuerySet<T> alias(String alias, Expression<?> expression) {
        return all().alias(alias, expression);
    }

    @Override
    default QuerySet<T> exclude(String lookup, Object value) {
        return all().exclude(lookup, value);
    }

    @Override
    default QuerySet<T> exclude(Q first, Q... more) {
        return all().exclude(first, more);
    }

    @Override
    default QuerySet<T> annotate(String alias, Expression<?> expression) {
        return all().annotate(alias, expression);
    }

    @Override
    default QuerySet<T> orderBy(String first, String... more) {
        return all().orderBy(first, more);
    }

    @Override
    default QuerySet<T> orderBy(Ordering first, Ordering... more) {
        return all().orderBy(first, more);
    }

    @Override
    default QuerySet<T> unordered() {
        return all().unordered();
    }

    @Override
    default QuerySet<T> reverse() {
        return all().reverse();
    }

    @Override
    default QuerySet<T> distinct() {
        return all().distinct();
    }

    @Override
    default QuerySet<T> limit(long n) {
        return all().limit(n);
    }

    @Override
    default QuerySet<T> offset(long n) {
        return all().offset(n);
    }

    @Override
    default QuerySet<T> slice(long from, long to) {
        return all().slice(from, to);
    }

    @Override
    default QuerySet<T> selectRelated(String... paths) {
        return all().selectRelated(paths);
    }

    @Override
    default QuerySet<T> prefetchRelated(String first, String... more) {
        return all().prefetchRelated(first, more);
    }

    @Override
    default QuerySet<T> prefetchRelated(Prefetch first, Prefetch... more) {
        return all().prefetchRelated(first, more);
    }

    @Override
    default QuerySet<T> fetchMode(FetchMode mode) {
        return all().fetchMode(mode);
    }

    @Override
    default ValuesQuerySet<Map<String, Object>> values(String... paths) {
        return all().values(paths);
    }

    @Override
    default ValuesQuerySet<List<Object>> valuesList(String first, String... more) {
        return all().valuesList(first, more);
    }

    @Override
    default <V> ValuesQuerySet<V> valuesList(String path, Class<V> type) {
        return all().valuesList(path, type);
    }

    @Override
    default QuerySet<T> selectForUpdate() {
        return all().selectForUpdate();
    }

    @Override
    default QuerySet<T> selectForUpdate(OnLocked onLocked, String... of) {
        return all().selectForUpdate(onLocked, of);
    }

    @Override
    default Created<T> getOrCreate(Map<String, ?> lookup) {
        return all().getOrCreate(lookup);
    }

    @Override
    default Created<T> getOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return all().getOrCreate(lookup, defaults);
    }

    @Override
    default Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        return all().getOrCreate(lookup, defaults);
    }

    @Override
    default Created<T> updateOrCreate(Map<String, ?> lookup, Consumer<? super T> defaults) {
        return all().updateOrCreate(lookup, defaults);
    }

    @Override
    default Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) {
        return all().updateOrCreate(lookup, defaults);
    }

    @Override
    default int bulkUpdate(Collection<? extends T> objects, String field, String... more) {
        return all().bulkUpdate(objects, field, more);
    }

    @Override
    default int bulkUpdate(Collection<? extends T> objects, List<String> fields, int batchSize) {
        return all().bulkUpdate(objects, fields, batchSize);
    }

    @Override
    default <K> Map<K, T> inBulk(Collection<K> keys) {
        return all().inBulk(keys);
    }

    @Override
    default <K> Map<K, T> inBulk(String field, Collection<K> values) {
        return all().inBulk(field, values);
    }

    @Override
    default int update(String field, Object value) {
        return all().update(field, value);
    }

    @Override
    default int update(Map<String, ?> fieldValues) {
        return all().update(fieldValues);
    }

    @Override
    default List<T> list() {
        return all().list();
    }

    @Override
    default Stream<T> stream() {
        return all().stream();
    }

    @Override
    default long count() {
        return all().count();
    }

    @Override
    default boolean exists() {
        return all().exists();
    }

    @Override
    default T get() {
        return all().get();
    }

    @Override
    default T get(String lookup, Object value) {
        return all().get(lookup, value);
    }

    @Override
    default T get(Q first, Q... more) {
        return all().get(first, more);
    }

    @Override
    default Optional<T> first() {
        return all().first();
    }

    @Override
    default Optional<T> last() {
        return all().last();
    }

    @Override
    default <V> V aggregate(Aggregate<V> aggregate) {
        return all().aggregate(aggregate);
    }

    @Override
    default Aggregation aggregate(Aggregate<?> first, Aggregate<?> second, Aggregate<?>... more) {
        return all().aggregate(first, second, more);
    }

    @Override
    default Aggregation aggregate(Map<String, ? extends Aggregate<?>> aggregates) {
        return all().aggregate(aggregates);
    }

    @Override
    default Sql sql() {
        return all().sql();
    }

    @Override
    default String explain() {
        return all().explain();
    }

    @Override
    default String explain(String format, Map<String, Boolean> options) {
        return all().explain(format, options);
    }
}
