package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.persist.Persister;
import dev.quarry.query.QueryTree;
import java.util.List;

/**
 * The entry point to a model's rows ({@code Author.objects}): every method starts a new
 * {@link QuerySet} or writes rows. Declare it as {@code public static final Manager<Author> objects = Manager.of(Author.class);}.
 */
public final class Manager<T extends Model> {
    private final Class<T> type;

    private Manager(Class<T> type) {
        this.type = type;
    }

    /** The manager of a model class; builds no metadata until used. */
    public static <T extends Model> Manager<T> of(Class<T> type) {
        return new Manager<>(type);
    }

    /** Every row, in the model's default ordering. */
    public QuerySet<T> all() {
        return new QuerySet<>(type, QueryTree.of(ModelMeta.of(type)));
    }

    public QuerySet<T> filter(String lookup, Object value) {
        return all().filter(lookup, value);
    }

    public QuerySet<T> filter(Q q) {
        return all().filter(q);
    }

    public QuerySet<T> exclude(String lookup, Object value) {
        return all().exclude(lookup, value);
    }

    public QuerySet<T> exclude(Q q) {
        return all().exclude(q);
    }

    public QuerySet<T> annotate(String alias, Aggregate aggregate) {
        return all().annotate(alias, aggregate);
    }

    /** Every row, unordered (no default ordering). */
    public QuerySet<T> orderBy() {
        return all().orderBy();
    }

    public QuerySet<T> orderBy(String... terms) {
        return all().orderBy(terms);
    }

    public QuerySet<T> orderBy(Ordering... terms) {
        return all().orderBy(terms);
    }

    public QuerySet<T> distinct() {
        return all().distinct();
    }

    public QuerySet<T> limit(long n) {
        return all().limit(n);
    }

    public QuerySet<T> prefetchRelated(Prefetch... prefetches) {
        return all().prefetchRelated(prefetches);
    }

    public QuerySet<T> selectRelated(String... paths) {
        return all().selectRelated(paths);
    }

    public QuerySet<T> prefetchRelated(String... paths) {
        return all().prefetchRelated(paths);
    }

    public QuerySet<T> fetchMode(FetchMode mode) {
        return all().fetchMode(mode);
    }

    public ValuesQuerySet<java.util.Map<String, Object>> values(String... paths) {
        return all().values(paths);
    }

    public ValuesQuerySet<List<Object>> valuesList(String... paths) {
        return all().valuesList(paths);
    }

    /** The one row matching the lookup; {@link DoesNotExist} or {@link MultipleObjectsReturned} otherwise. */
    public T get(String lookup, Object value) {
        return all().get(lookup, value);
    }

    public T get(Q q) {
        return all().get(q);
    }

    public long count() {
        return all().count();
    }

    public boolean exists() {
        return all().exists();
    }

    public T first() {
        return all().first();
    }

    public T last() {
        return all().last();
    }

    /** Creates and saves an instance from field/value pairs: {@code create("name", "Ann", "bio", "")}. */
    public T create(Object... fieldValues) {
        T obj = build(fieldValues);
        obj.save();
        return obj;
    }

    /** Inserts the instances in batches within one transaction, setting their keys where the database returns them. */
    public List<T> bulkCreate(List<T> instances) {
        return bulkCreate(instances, 0);
    }

    /** As {@link #bulkCreate(List)}, at most {@code batchSize} rows per statement. */
    public List<T> bulkCreate(List<T> instances, int batchSize) {
        Quarry q = Quarry.current();
        q.useTransaction(() -> Persister.insert(q.database(), ModelMeta.of(type), instances, batchSize));
        return instances;
    }

    /** A new, unsaved instance from field/value pairs. */
    T build(Object... fieldValues) {
        if (fieldValues.length % 2 != 0) {
            throw new IllegalArgumentException("create() takes field/value pairs; got an odd number of arguments");
        }
        ModelMeta meta = ModelMeta.of(type);
        @SuppressWarnings("unchecked")
        T obj = (T) meta.newInstance();
        for (int i = 0; i < fieldValues.length; i += 2) {
            if (!(fieldValues[i] instanceof String name)) {
                throw new IllegalArgumentException("create(): argument " + (i + 1) + " must be a field name, got " + fieldValues[i]);
            }
            Object value = fieldValues[i + 1];
            if (meta.manyToMany(name) != null) {
                throw new FieldError(String.format("Cannot set many-to-many field '%s' of %s in create(); save first, then use %s.add(...)",
                        name, meta.name(), name));
            }
            FieldMeta f = meta.field(name);
            if (f == null) {
                throw new FieldError(String.format("%s has no field named '%s'. Choices are: %s", meta.name(), name,
                        String.join(", ", meta.fields().stream().map(FieldMeta::queryName).toList())));
            }
            set(f, obj, value);
        }
        return obj;
    }

    static void set(FieldMeta f, Object obj, Object value) {
        f.assign(obj, value);
    }

    @Override
    public String toString() {
        return "Manager<" + type.getSimpleName() + ">";
    }
}
