package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.NotSupportedError;
import dev.quarry.Sql;
import dev.quarry.TransactionManagementError;
import dev.quarry.db.Database;
import dev.quarry.query.AggregateQuery;
import dev.quarry.query.QueryTree;
import dev.quarry.query.RowLock;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.Backend;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.SelectCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs query trees against a database: instances, values, counts, existence, aggregates. */
public final class Loader {
    private static final int STREAM_FETCH_SIZE = 2000;

    private Loader() {}

    /** The compiled SELECT of this tree on this backend. */
    public static CompiledSql selectSql(Backend backend, QueryTree tree) {
        return new SelectCompiler(backend.operations(), backend.features()).select(tree);
    }

    /** The SELECT of this tree as users see it: text with placeholders, the values, and a value-inlined copy. */
    public static Sql describe(Backend backend, QueryTree tree) {
        CompiledSql sql = selectSql(backend, tree);
        return Sql.of(sql.sql(), sql.params(), () -> sql.inline(backend.operations()));
    }

    /**
     * Refuses a locking read that cannot work, before any SQL: outside a transaction (Django's
     * TransactionManagementError; on every database, SQLite included, where Django lets it pass
     * because it ignores the lock), or with an option the database lacks (Django's NotSupportedError).
     */
    public static void checkLock(Database db, QueryTree tree) {
        RowLock lock = tree.lock();
        if (lock == null) {
            return;
        }
        if (!db.inTransaction()) {
            throw new TransactionManagementError("selectForUpdate() cannot be used outside of a transaction: the lock "
                    + "would end with the statement. Run the query and the writes it protects inside db.atomic()");
        }
        Features f = db.backend().features();
        if (!f.has(Feature.SELECT_FOR_UPDATE)) {
            return;
        }
        if (lock.nowait() && !f.has(Feature.SELECT_FOR_UPDATE_NOWAIT)) {
            throw unsupported("NOWAIT", db);
        }
        if (lock.skipLocked() && !f.has(Feature.SELECT_FOR_UPDATE_SKIP_LOCKED)) {
            throw unsupported("SKIP LOCKED", db);
        }
        if (!lock.of().isEmpty() && !f.has(Feature.SELECT_FOR_UPDATE_OF)) {
            throw unsupported("FOR UPDATE OF", db);
        }
    }

    private static NotSupportedError unsupported(String what, Database db) {
        return new NotSupportedError(what + " is not supported on this database backend (" + db.backend().vendor()
                + "); selectForUpdate() without it locks every row the query reads", null, 0, null, null);
    }

    /**
     * Whether the tree can give no row at all ({@code limit(0)}, or a condition such as {@code in} an
     * empty list): then no SQL is sent, as Django does. A tree that refers to an enclosing query is
     * refused here first.
     */
    private static boolean none(QueryTree tree) {
        tree.checkRunnable();
        return (tree.limit() != null && tree.limit() == 0) || tree.matchesNothing();
    }

    /** Every matching instance, each sharing one load context with fetch mode {@code mode}. */
    public static List<Object> models(Session session, QueryTree tree, FetchMode mode) {
        checkLock(session.database(), tree);
        if (none(tree)) {
            return new java.util.ArrayList<>();
        }
        Database db = session.database();
        Backend backend = db.backend();
        CompiledSql sql = selectSql(backend, tree);
        ModelRows rows = new ModelRows(tree, backend.operations());
        LoadContext context = new LoadContext(session, mode);
        return db.query(sql, rs -> rows.readAll(rs, context));
    }

    /** The matching instances read through a cursor, one at a time; closing the stream releases the cursor. */
    public static Stream<Object> stream(Session session, QueryTree tree, FetchMode mode) {
        checkLock(session.database(), tree);
        if (none(tree)) {
            return Stream.empty();
        }
        Database db = session.database();
        ModelRows rows = new ModelRows(tree, db.backend().operations());
        LoadContext context = new LoadContext(session, mode);
        return db.stream(selectSql(db.backend(), tree), rs -> rows.read(rs, context), STREAM_FETCH_SIZE);
    }

    /** Every matching row as a map from output name to value. */
    public static List<Map<String, Object>> maps(Database db, QueryTree tree) {
        checkLock(db, tree);
        if (none(tree)) {
            return List.of();
        }
        CompiledSql sql = selectSql(db.backend(), tree);
        ValuesRows rows = new ValuesRows(tree, db.backend().operations());
        return db.query(sql, rs -> ValuesRows.all(rs, rows::map));
    }

    /** Every matching row as a list of values in the selected order. */
    public static List<List<Object>> tuples(Database db, QueryTree tree) {
        checkLock(db, tree);
        if (none(tree)) {
            return List.of();
        }
        CompiledSql sql = selectSql(db.backend(), tree);
        ValuesRows rows = new ValuesRows(tree, db.backend().operations());
        return db.query(sql, rs -> ValuesRows.all(rs, rows::tuple));
    }

    /** The rows as maps ({@code maps}) or lists, through a cursor; closing the stream releases it. */
    public static Stream<Object> streamValues(Database db, QueryTree tree, boolean maps) {
        checkLock(db, tree);
        if (none(tree)) {
            return Stream.empty();
        }
        ValuesRows rows = new ValuesRows(tree, db.backend().operations());
        return db.stream(selectSql(db.backend(), tree), maps ? rows::map : rows::tuple, STREAM_FETCH_SIZE);
    }

    /** {@code SELECT COUNT(*)} of the matching rows. */
    public static long count(Database db, QueryTree tree) {
        if (none(tree)) {
            return 0;
        }
        CompiledSql sql = new SelectCompiler(db.backend().operations(), db.backend().features()).count(tree);
        return db.query(sql, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    /** Whether any row matches. */
    public static boolean exists(Database db, QueryTree tree) {
        checkLock(db, tree);
        if (none(tree)) {
            return false;
        }
        CompiledSql sql = new SelectCompiler(db.backend().operations(), db.backend().features()).exists(tree);
        return db.query(sql, rs -> rs.next());
    }

    /**
     * The aggregates over the matching rows, by alias; without SQL when no row can match (counts are
     * then 0 and the others {@code null}, as Django gives).
     */
    public static Map<String, Object> aggregate(Database db, AggregateQuery query) {
        Map<String, Expr> aggregates = query.outputs();
        if (query.matchesNothing()) {
            Map<String, Object> out = new LinkedHashMap<>();
            aggregates.forEach((alias, e) -> out.put(alias, e instanceof AggregateExpr a
                    && a.function() == dev.quarry.expr.AggregateFunction.COUNT ? (Object) 0L : null));
            return out;
        }
        CompiledSql sql = new SelectCompiler(db.backend().operations(), db.backend().features()).aggregate(query);
        return db.query(sql, rs -> {
            Map<String, Object> out = new LinkedHashMap<>();
            rs.next();
            int i = 1;
            for (Map.Entry<String, Expr> e : aggregates.entrySet()) {
                ColumnReader reader = db.backend().operations().reader(e.getValue().outputType());
                out.put(e.getKey(), reader.read(rs, i++));
            }
            return out;
        });
    }

    /** The primary keys of the matching rows. */
    public static List<Object> keys(Database db, QueryTree tree) {
        List<Object> keys = new java.util.ArrayList<>();
        for (List<Object> row : tuples(db, tree.withoutOrdering().values(List.of("pk")))) {
            keys.add(row.get(0));
        }
        return keys;
    }
}
