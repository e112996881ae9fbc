package dev.quarry.sql;

import dev.quarry.query.QueryTree;
import dev.quarry.spi.Features;
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

    /** {@code UPDATE table SET c1 = ?, ... WHERE keyColumn = ?}. */
    public CompiledSql updateRow(String table, List<String> columns, List<Object> values, String keyColumn, Object key) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(table).sql(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(columns.get(i)).sql(" = ").param(values.get(i));
        }
        w.sql(" WHERE ").identifier(keyColumn).sql(" = ").param(key);
        return w.build();
    }

    /**
     * {@code UPDATE table SET ... WHERE <tree's condition>}; when the tree joins other tables, the
     * condition becomes {@code pk IN (SELECT pk FROM (<matching keys>) pks)}, which every database accepts.
     */
    public CompiledSql updateMatching(QueryTree t, Map<String, Object> columnValues) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(t.model().table()).sql(" SET ");
        int i = 0;
        for (Map.Entry<String, Object> e : columnValues.entrySet()) {
            w.sql(i++ > 0 ? ", " : "").identifier(e.getKey()).sql(" = ").param(e.getValue());
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
