package dev.quarry;

import dev.quarry.db.Database;
import dev.quarry.load.RawSql;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hand-written statements on one database of a Quarry, with {@code ?} bind parameters: Django's
 * {@code connection.cursor().execute(sql, params)}. They run as every other statement does: inside
 * {@code quarry.atomic()} on its transaction's connection (so they commit or roll back with it),
 * otherwise on a connection borrowed for the one statement; query listeners see them, and a failure
 * is a {@link DatabaseError} showing the statement with placeholders, never the values (ADR 0010).
 * Parameters bind as lookup values do: a model instance as its key, a {@code Ref} as its id, an enum
 * as its name, dates and times in the form the database stores. Get one with
 * {@link Quarry#statements(String)}, or use {@link Quarry#execute} and {@link Quarry#query} for
 * {@code "default"}. Immutable and thread-safe.
 */
public final class Statements {
    private final Quarry quarry;
    private final String database;

    Statements(Quarry quarry, String database) {
        this.quarry = quarry;
        this.database = database;
    }

    /** The name of the database these statements run on. */
    public String database() {
        return database;
    }

    /**
     * Runs an INSERT, UPDATE, DELETE or DDL statement and returns the number of rows it changed (0 for
     * DDL). A statement that returns rows belongs in {@link #query}.
     */
    public int execute(String sql, Object... params) {
        return RawSql.execute(db(), Objects.requireNonNull(sql, "sql"), bindable(params));
    }

    /**
     * Runs a statement that returns rows and gives them as maps from column label (as the database
     * spells it: PostgreSQL folds unquoted names to lower case) to value, in column order. Values are
     * what the driver gives, whole numbers as {@code Long} on every database.
     */
    public List<Map<String, Object>> query(String sql, Object... params) {
        return RawSql.maps(db(), Objects.requireNonNull(sql, "sql"), bindable(params));
    }

    /** As {@link #query}, each row as a list of values in column order. */
    public List<List<Object>> queryLists(String sql, Object... params) {
        return RawSql.lists(db(), Objects.requireNonNull(sql, "sql"), bindable(params));
    }

    private Database db() {
        return quarry.checkOpen().session(database).database();
    }

    /** The parameters with model instances as their keys and {@code Ref}s as their ids ({@code null} array: one NULL). */
    static List<Object> bindable(Object[] params) {
        List<Object> bound = new ArrayList<>(params == null ? 1 : params.length);
        if (params == null) {
            bound.add(null);
            return bound;
        }
        for (Object p : params) {
            bound.add(bindableOne(p));
        }
        return bound;
    }

    private static Object bindableOne(Object p) {
        if (p instanceof Model m) {
            Object pk = m.pk();
            if (pk == null) {
                throw new InvalidValueError(m.getClass(), ModelMeta.of(m.getClass()).pk().name(), "Cannot bind an unsaved "
                        + m.getClass().getSimpleName() + " as a parameter: save it first, so it has a primary key");
            }
            return pk;
        }
        if (p instanceof Ref<?> r) {
            return r.id();
        }
        return p;
    }

    /** The database's name. */
    @Override
    public String toString() {
        return "Statements[" + database + "]";
    }
}
