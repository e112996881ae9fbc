package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.persist.Conflict;
import dev.quarry.persist.Persister;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The entry point to a model's rows ({@code Author.objects}): every query method of
 * {@link ModelQueryable} starts a new {@link QuerySet}; {@code create} and {@code bulkCreate} write
 * rows. Declare it as {@code public static final Manager<Author> objects = Manager.of(Author.class);}.
 * A value: it holds the model class and, after {@link #using(Quarry)}, the Quarry it runs on.
 *
 * @param <T> the model
 */
public final class Manager<T extends Model> implements DelegatingQueryable<T> {
    private final Class<T> type;
    private final Quarry db;
    private final String database;

    private Manager(Class<T> type, Quarry db, String database) {
        this.type = type;
        this.db = db;
        this.database = database;
    }

    /** The manager of a model class, running on the installed Quarry; builds no metadata until used. */
    public static <T extends Model> Manager<T> of(Class<T> type) {
        return new Manager<>(Objects.requireNonNull(type, "type"), null, null);
    }

    /** The same manager running on {@code db} instead of the installed Quarry (keeping a database chosen by name). */
    public Manager<T> using(Quarry db) {
        Objects.requireNonNull(db, "db");
        if (database != null) {
            db.session(database);
        }
        return new Manager<>(type, db, database);
    }

    /**
     * The same manager on the named database of its Quarry ({@code Author.objects.using("replica")}),
     * whatever the routers would choose; reads, {@code create} and {@code bulkCreate} run there. A name
     * that is none of the Quarry's databases is refused now when the Quarry is known, else when it runs.
     */
    public Manager<T> using(String database) {
        Objects.requireNonNull(database, "database");
        Quarry known = db != null ? db : Quarry.installedOrNull();
        if (known != null) {
            known.session(database);
        }
        return new Manager<>(type, db, database);
    }

    /** Every row, in the model's default ordering. */
    @Override
    public QuerySet<T> all() {
        Quarry installed = db == null && database == null ? Quarry.installedOrNull() : null;
        if (installed != null) {
            // The same QuerySet Plan.of would build, made once per model by the installed Quarry's registry.
            @SuppressWarnings("unchecked")
            QuerySet<T> shared = (QuerySet<T>) Shapes.root(installed.registry(), type).all();
            return shared;
        }
        Plan p = Plan.of(type, db);
        return new QuerySet<>(type, database == null ? p : p.using(database));
    }

    /**
     * The instances a hand-written SELECT reads, Django's {@code Manager.raw()}:
     * {@code Book.objects.raw("SELECT * FROM raw_book WHERE title = ?", "Dune")}. Columns are matched to
     * fields by column name, the primary key is required, fields without a column are deferred and other
     * columns become annotations (see {@link RawQuerySet}). Builds nothing and runs nothing until iterated;
     * it runs on this manager's database ({@code using("name")}) or where the routers send reads.
     */
    public RawQuerySet<T> raw(String sql, Object... params) {
        return RawQuerySet.of(type, db, database, sql, params == null ? new Object[] {null} : params);
    }

    /**
     * Creates and saves an instance set up by {@code init}:
     * {@code Author.objects.create(a -> a.name = "Ann")}. Declared defaults are in place before
     * {@code init} runs.
     */
    public T create(Consumer<? super T> init) {
        Quarry q = quarry();
        T obj = newInstance(q);
        init.accept(obj);
        save(q, obj);
        return obj;
    }

    /**
     * Creates and saves an instance from field names (Java or snake_case) and values; text is
     * converted to the field's type, a model instance or key sets a foreign key:
     * {@code Book.objects.create(Map.of("title", "Dune", "author", ann))}.
     */
    public T create(Map<String, ?> fieldValues) {
        Quarry q = quarry();
        T obj = build(q, fieldValues);
        save(q, obj);
        return obj;
    }

    /** Inserts the instances in batches within one transaction, setting their keys where the database returns them. */
    public List<T> bulkCreate(List<T> instances) {
        return bulkCreate(instances, 0);
    }

    /** As {@link #bulkCreate(List)}, at most {@code batchSize} rows per statement. */
    public List<T> bulkCreate(List<T> instances, int batchSize) {
        return bulkCreate(instances, batchSize, null);
    }

    /**
     * As {@link #bulkCreate(List)}, skipping or updating rows whose unique key exists
     * ({@code OnConflict.ignore()}, {@code OnConflict.update(List.of("name"), "qty")}; Django's
     * {@code ignore_conflicts} and {@code update_conflicts}).
     */
    public List<T> bulkCreate(List<T> instances, OnConflict onConflict) {
        return bulkCreate(instances, 0, Objects.requireNonNull(onConflict, "onConflict"));
    }

    /** As {@link #bulkCreate(List, OnConflict)}, at most {@code batchSize} rows per statement. */
    public List<T> bulkCreate(List<T> instances, int batchSize, OnConflict onConflict) {
        Quarry q = quarry();
        ModelMeta meta = q.registry().meta(type);
        Conflict conflict = onConflict == null ? null : onConflict.updates()
                ? Conflict.update(meta, onConflict.uniqueFields(), onConflict.updateFields()) : Conflict.ignore();
        String name = database != null ? database : q.route(true, type, null);
        q.atomic(name).run(() -> Persister.insert(q.session(name).database(), meta, instances, batchSize, conflict));
        for (T o : instances) {
            o.bindTo(q, name);
        }
        return instances;
    }

    private Quarry quarry() {
        Quarry q = db != null ? db.checkOpen() : Quarry.current();
        if (database != null) {
            q.session(database);
        }
        return q;
    }

    /** Saves a new instance on the named database, or where the routers send it. */
    /** Inserts a new instance (Django's {@code create()} saves with {@code force_insert}). */
    private void save(Quarry q, T obj) {
        obj.createOn(q, database != null ? database : q.route(true, obj.getClass(), obj));
    }

    private T newInstance(Quarry q) {
        @SuppressWarnings("unchecked")
        T obj = (T) q.registry().meta(type).newInstance();
        return obj;
    }

    /** A new, unsaved instance from field names and values. */
    T build(Quarry q, Map<String, ?> fieldValues) {
        T obj = newInstance(q);
        assign(q.registry().meta(type), obj, fieldValues);
        return obj;
    }

    /** Sets fields of {@code obj} from names (Java or snake_case) and values, as {@code create(Map)} does. */
    static void assign(ModelMeta meta, Object obj, Map<String, ?> fieldValues) {
        fieldValues.forEach((name, value) -> {
            ManyToManyMeta m2m = meta.manyToMany(name);
            if (m2m != null) {
                throw new FieldError(meta.type(), name, String.format("Cannot set many-to-many field '%s' of %s in create(); "
                        + "save first, then use related(\"%s\").add(...)", name, meta.name(), m2m.name()));
            }
            FieldMeta f = meta.anyField(name);
            if (f == null) {
                throw new FieldError(meta.type(), name, String.format("%s has no field named '%s'. Choices are: %s", meta.name(),
                        name, String.join(", ", meta.allFields().stream().map(FieldMeta::queryName).toList())));
            }
            set(f, obj, value);
        });
    }

    static void set(FieldMeta f, Object obj, Object value) {
        f.assign(obj, value);
    }

    /** The model this manager queries. */
    @Override
    public String toString() {
        return "Manager<" + type.getSimpleName() + ">" + (db == null ? "" : " using " + db)
                + (database == null ? "" : " on '" + database + "'");
    }
}
