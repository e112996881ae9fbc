package dev.quarry;

import dev.quarry.load.LoadContext;
import dev.quarry.load.RawRows;
import dev.quarry.load.RawSql;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The instances a hand-written SELECT reads ({@code Book.objects.raw("SELECT * FROM raw_book WHERE
 * id > ?", 1)}), Django's {@code RawQuerySet}: each column is matched by name to a field's column
 * (a field's Java name works too; {@link #translations} maps others), the primary key must be among
 * them, fields without a column are deferred ({@link Model#deferredFields()}), and every other column
 * becomes an annotation ({@code book.annotation("n", Long.class)}). A value, as {@link QuerySet}: each
 * {@link #list()}, iteration or {@link #stream()} runs the statement again, where reads of the model
 * go (the routers' {@code dbForRead}, or {@link #using(String)}). The SQL is the caller's: Quarry binds
 * the parameters and neither checks nor rewrites the text.
 *
 * @param <T> the model
 */
public final class RawQuerySet<T extends Model> implements Iterable<T> {
    private final Class<T> type;
    private final Quarry db;
    private final String database;
    private final String sql;
    private final List<Object> params;
    private final Map<String, String> translations;
    private final FetchMode mode;

    RawQuerySet(Class<T> type, Quarry db, String database, String sql, List<Object> params,
                Map<String, String> translations, FetchMode mode) {
        this.type = type;
        this.db = db;
        this.database = database;
        this.sql = Objects.requireNonNull(sql, "sql");
        this.params = params;
        this.translations = translations;
        this.mode = mode;
    }

    static <T extends Model> RawQuerySet<T> of(Class<T> type, Quarry db, String database, String sql, Object[] params) {
        return new RawQuerySet<>(type, db, database, sql, Collections.unmodifiableList(Arrays.asList(params.clone())),
                Map.of(), null);
    }

    /** The same statement on {@code db} instead of the installed Quarry. This RawQuerySet is not modified. */
    public RawQuerySet<T> using(Quarry db) {
        Objects.requireNonNull(db, "db");
        if (database != null) {
            db.session(database);
        }
        return new RawQuerySet<>(type, db, database, sql, params, translations, mode);
    }

    /** The same statement on the named database, whatever the routers would choose. This RawQuerySet is not modified. */
    public RawQuerySet<T> using(String database) {
        Objects.requireNonNull(database, "database");
        Quarry known = db != null ? db : Quarry.installedOrNull();
        if (known != null) {
            known.session(database);
        }
        return new RawQuerySet<>(type, db, database, sql, params, translations, mode);
    }

    /**
     * Maps column labels of the statement to field names or columns ({@code Map.of("pk", "id", "writer",
     * "author_id")}), Django's {@code translations}; adds to earlier ones. This RawQuerySet is not modified.
     */
    public RawQuerySet<T> translations(Map<String, String> columnToField) {
        Map<String, String> all = new LinkedHashMap<>(translations);
        all.putAll(columnToField);
        return new RawQuerySet<>(type, db, database, sql, params, Collections.unmodifiableMap(all), mode);
    }

    /** What touching an unloaded relation does on the instances this statement loads. This RawQuerySet is not modified. */
    public RawQuerySet<T> fetchMode(FetchMode fetchMode) {
        return new RawQuerySet<>(type, db, database, sql, params, translations, Objects.requireNonNull(fetchMode, "fetchMode"));
    }

    /** Runs the statement: every row as an instance, in an immutable list. */
    @SuppressWarnings("unchecked")
    public List<T> list() {
        Quarry q = quarry();
        Session s = q.session(databaseOf(q));
        RawRows rows = rows(q, s);
        return Collections.unmodifiableList((List<T>) (List<?>) RawSql.models(s.database(), rows, sql, bound()));
    }

    /** Runs the statement and streams its instances through a cursor; close the stream to release it. */
    @SuppressWarnings("unchecked")
    public Stream<T> stream() {
        Quarry q = quarry();
        Session s = q.session(databaseOf(q));
        RawRows rows = rows(q, s);
        return (Stream<T>) (Stream<?>) RawSql.stream(s.database(), rows, sql, bound());
    }

    /** Runs the statement and iterates its instances. */
    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    /** Runs the statement and returns its column labels, in order (Django's {@code RawQuerySet.columns}). */
    public List<String> columns() {
        Quarry q = quarry();
        return RawSql.columns(q.session(databaseOf(q)).database(), sql, bound());
    }

    /** The statement, with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** The parameters, in placeholder order. */
    public List<Object> params() {
        return params;
    }

    /** The database name this statement runs on now, chosen as for any read of the model. */
    String databaseOf(Quarry q) {
        return database != null ? database : q.route(false, type, null);
    }

    private Quarry quarry() {
        return db != null ? db.checkOpen() : Quarry.current();
    }

    private RawRows rows(Quarry q, Session s) {
        ModelMeta meta = q.registry().meta(type);
        return new RawRows(meta, s.database().backend().operations(), translations,
                new LoadContext(s, mode != null ? mode : q.fetchMode()));
    }

    private List<Object> bound() {
        return Statements.bindable(params.toArray());
    }

    /** The model and the statement with placeholders, as Django's {@code <RawQuerySet: ...>}; runs nothing. */
    @Override
    public String toString() {
        return "RawQuerySet<" + type.getSimpleName() + ">(" + sql + ")";
    }
}
