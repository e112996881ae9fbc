package dev.quarry.load;

import dev.quarry.db.Database;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs hand-written statements (raw SQL) on a database: the caller's text with its parameters
 * converted to the form the driver binds ({@link Operations#toDb}), through the database's usual
 * statement handling (the thread's transaction, the query log, error translation).
 */
public final class RawSql {
    private static final int STREAM_FETCH_SIZE = 2000;

    private RawSql() {}

    /** Runs a statement that changes rows (or DDL); the number of rows changed. */
    public static int execute(Database db, String sql, List<Object> params) {
        return db.update(compiled(db, sql, params));
    }

    /** Runs a statement that returns rows; each row a map from column label to value. */
    public static List<Map<String, Object>> maps(Database db, String sql, List<Object> params) {
        return db.query(compiled(db, sql, params), RawRows::maps);
    }

    /** Runs a statement that returns rows; each row a list of values in column order. */
    public static List<List<Object>> lists(Database db, String sql, List<Object> params) {
        return db.query(compiled(db, sql, params), RawRows::lists);
    }

    /** Runs a statement that returns rows; its column labels. */
    public static List<String> columns(Database db, String sql, List<Object> params) {
        return db.query(compiled(db, sql, params), rs -> List.copyOf(RawRows.labels(rs)));
    }

    /** Runs a SELECT of a model's rows; every row as an instance read by {@code rows}. */
    public static List<Object> models(Database db, RawRows rows, String sql, List<Object> params) {
        return db.query(compiled(db, sql, params), rows::readAll);
    }

    /** Runs a SELECT of a model's rows and streams the instances through a cursor. */
    public static Stream<Object> stream(Database db, RawRows rows, String sql, List<Object> params) {
        return db.stream(compiled(db, sql, params), rows::read, STREAM_FETCH_SIZE);
    }

    private static CompiledSql compiled(Database db, String sql, List<Object> params) {
        Operations ops = db.backend().operations();
        List<Object> bound = new ArrayList<>(params.size());
        for (Object p : params) {
            bound.add(ops.toDb(p));
        }
        return CompiledSql.of(sql, bound);
    }
}
