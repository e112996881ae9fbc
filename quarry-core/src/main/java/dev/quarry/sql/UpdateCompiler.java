package dev.quarry.sql;

import dev.quarry.query.QueryTree;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Operations;
import java.util.List;
import java.util.Map;

/** Compiles UPDATE statements: one row by key, or every row a query matches. */
public final class UpdateCompiler {
    private final Operations ops;
    private final Features features;

    /** A compiler writing with the backend's {@code ops}, shaped by its {@code features}. */
    public UpdateCompiler(Operations ops, Features features) {
        this.ops = ops;
        this.features = features;
    }

    /** Writes a value of a SET: a resolved expression ({@code "stock" - ?}) as it renders, anything else as a parameter. */
    private void value(SqlBuilder w, Object v) {
        if (v instanceof dev.quarry.query.expr.Expr e) {
            new SelectCompiler(ops, features).writeExpr(w, e);
        } else {
            w.param(v);
        }
    }

    /** {@code UPDATE table SET c1 = ?, ... WHERE keyColumn = ?}; a value may be a resolved expression. */
    public CompiledSql updateRow(String table, List<String> columns, List<Object> values, String keyColumn, Object key) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(table).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(columns.get(i)).sql(" = ");
            value(w, values.get(i));
        }
        w.sql(" WHERE ").identifier(keyColumn).sql(" = ").param(key);
        return w.build();
    }

    /** {@code UPDATE table SET c1 = ?, ... WHERE keyColumn = ? AND versionColumn = ?}: a versioned row, only at the version the caller read. */
    public CompiledSql updateRow(String table, List<String> columns, List<Object> values, String keyColumn, Object key,
                                 String versionColumn, long version) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(table).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(columns.get(i)).sql(" = ");
            value(w, values.get(i));
        }
        w.sql(" WHERE ").identifier(keyColumn).sql(" = ").param(key).sql(" AND ").identifier(versionColumn).sql(" = ")
                .param(version);
        return w.build();
    }

    /**
     * {@code UPDATE table SET ... WHERE <tree's condition>}; when the tree joins other tables, the
     * condition becomes {@code pk IN (SELECT pk FROM (<matching keys>) pks)}, which every database accepts.
     */
    public CompiledSql updateMatching(QueryTree t, Map<String, Object> columnValues) {
        return updateMatching(t, columnValues, null);
    }

    /** As {@link #updateMatching(QueryTree, Map)}, also raising {@code versionColumn} by one when it is not {@code null}. */
    public CompiledSql updateMatching(QueryTree t, Map<String, Object> columnValues, String versionColumn) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(t.model().table()).sql(" SET ");
        int i = 0;
        for (Map.Entry<String, Object> e : columnValues.entrySet()) {
            w.sql(i++ > 0 ? ", " : "").identifier(e.getKey()).sql(" = ");
            value(w, e.getValue());
        }
        if (versionColumn != null) {
            w.sql(", ").identifier(versionColumn).sql(" = ").identifier(versionColumn).sql(" + 1");
        }
        writeCondition(w, t);
        return w.build();
    }

    /**
     * {@code UPDATE table SET c = CASE WHEN pk = ? THEN ? ... END, ... [, version = version + 1] WHERE
     * <tree's condition>}: each column takes, on each row, the value given for that row's key
     * ({@code values} holds one list per column, in the order of {@code keys}). The backend gives
     * each CASE its column's type where it must ({@code typedCase}).
     */
    public CompiledSql updateCases(QueryTree t, String pkColumn, List<Object> keys, List<String> columns,
                                   List<FieldType> types, List<List<Object>> values, String versionColumn) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(t.model().table()).sql(" SET ");
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            w.sql(c > 0 ? ", " : "").identifier(columns.get(c)).sql(" = ");
            ops.typedCase(w, types.get(c), () -> {
                w.sql("CASE");
                for (int r = 0; r < keys.size(); r++) {
                    w.sql(" WHEN ").identifier(pkColumn).sql(" = ").param(keys.get(r)).sql(" THEN ")
                            .param(values.get(column).get(r));
                }
                w.sql(" END");
            });
        }
        if (versionColumn != null) {
            w.sql(", ").identifier(versionColumn).sql(" = ").identifier(versionColumn).sql(" + 1");
        }
        writeCondition(w, t);
        return w.build();
    }

    /** {@code DELETE FROM table WHERE <tree's condition>}, with the same key subquery where joins are needed. */
    public CompiledSql deleteMatching(QueryTree t) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("DELETE FROM ").identifier(t.model().table());
        writeCondition(w, t);
        return w.build();
    }

    private void writeCondition(SqlBuilder w, QueryTree t) {
        SelectCompiler select = new SelectCompiler(ops, features);
        boolean simple = t.joins().isEmpty() && !t.isSliced() && !t.isDistinct() && t.rootAlias().equals(t.model().table())
                && t.having() == null;
        if (simple) {
            select.writeWhereOnly(w, t);
        } else {
            w.sql(" WHERE ").identifier(t.model().pk().column()).sql(" IN (");
            select.writePkSubquery(w, t);
            w.sql(")");
        }
    }
}
