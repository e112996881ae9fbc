package dev.quarry.sql;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.Operations;
import java.util.Collections;
import java.util.List;

/**
 * Compiles multi-row INSERT statements, optionally returning a generated key and database-supplied columns
 * per row (or, without RETURNING, the SELECT that reads those columns back).
 */
public final class InsertCompiler {
    private final Operations ops;

    /** A compiler writing with the backend's {@code ops}. */
    public InsertCompiler(Operations ops) {
        this.ops = ops;
    }

    /**
     * {@code INSERT INTO table (columns) VALUES (...), (...) [RETURNING returningColumn]}; each row
     * holds Java values in column order.
     */
    public CompiledSql insert(String table, List<String> columns, List<List<Object>> rows, String returningColumn) {
        return insert(table, columns, rows, returningColumn, null, List.of(), null, null);
    }

    /**
     * As {@link #insert(String, List, List, String)}, with what a row whose unique key exists does:
     * nothing ({@code conflictTarget} not {@code null}, {@code conflictUpdate} empty) or an update of
     * those columns (and of {@code versionColumn}, raised by one), written by the backend's
     * {@code onConflict}; {@code conflictTarget == null} means no conflict clause.
     */
    public CompiledSql insert(String table, List<String> columns, List<List<Object>> rows, String returningColumn,
                              List<String> conflictTarget, List<String> conflictUpdate, String pkColumn,
                              String versionColumn) {
        return insert(table, columns, rows, returningColumn == null ? List.of() : List.of(returningColumn), conflictTarget,
                conflictUpdate, pkColumn, versionColumn);
    }

    /**
     * As {@link #insert(String, List, List, String, List, List, String, String)}, returning several columns per
     * row (a generated key and the columns left to database defaults); none when {@code returning} is empty.
     */
    public CompiledSql insert(String table, List<String> columns, List<List<Object>> rows, List<String> returning,
                              List<String> conflictTarget, List<String> conflictUpdate, String pkColumn,
                              String versionColumn) {
        int width = columns.size();
        Object[] values = new Object[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int i = 0; i < width; i++) {
                values[r * width + i] = row.get(i);
            }
        }
        return insert(table, columns, Collections.nCopies(width, null), values, 0, rows.size(), returning, conflictTarget,
                conflictUpdate, pkColumn, versionColumn);
    }

    /**
     * As {@link #insert(String, List, List, List, List, List, String, String)}, for {@code rowCount} rows whose values
     * lie in {@code values}, row after row in column order, from row {@code firstRow} ({@code columns.size()} values
     * a row): a bulk insert's rows, checked once and cut into statements without a list per row. {@code types} gives
     * each column's kind (an entry may be {@code null}), so that the backend can choose how the rows are written
     * ({@link Operations#insertRows}).
     */
    public CompiledSql insert(String table, List<String> columns, List<FieldType> types, Object[] values, int firstRow,
                              int rowCount, List<String> returning, List<String> conflictTarget,
                              List<String> conflictUpdate, String pkColumn, String versionColumn) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("INSERT INTO ").identifier(table);
        if (columns.isEmpty()) {
            w.sql(" DEFAULT VALUES");
        } else {
            w.sql(" (");
            for (int i = 0; i < columns.size(); i++) {
                w.sql(i > 0 ? ", " : "").identifier(columns.get(i));
            }
            w.sql(")");
            ops.insertRows(w, types, values, firstRow * columns.size(), rowCount);
        }
        if (conflictTarget != null) {
            ops.onConflict(w, table, conflictTarget, conflictUpdate, pkColumn, versionColumn);
        }
        for (int i = 0; i < returning.size(); i++) {
            w.sql(i == 0 ? " RETURNING " : ", ").identifier(returning.get(i));
        }
        return w.build();
    }

    /** {@code SELECT columns FROM table WHERE pkColumn = ?}: reads back what an insert left to the database. */
    public CompiledSql selectByKey(String table, List<String> columns, String pkColumn, Object pk) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(columns.get(i));
        }
        w.sql(" FROM ").identifier(table).sql(" WHERE ").identifier(pkColumn).sql(" = ").param(pk);
        return w.build();
    }
}
