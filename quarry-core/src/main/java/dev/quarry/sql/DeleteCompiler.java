package dev.quarry.sql;

import dev.quarry.spi.Operations;
import java.util.List;

/** Compiles DELETE statements by key lists, chunked by the caller under the database's limits. */
public final class DeleteCompiler {
    private final Operations ops;

    /** A compiler writing with the backend's {@code ops}. */
    public DeleteCompiler(Operations ops) {
        this.ops = ops;
    }

    /** {@code DELETE FROM table WHERE column IN (?, ...)}. */
    public CompiledSql deleteWhereIn(String table, String column, List<?> values) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("DELETE FROM ").identifier(table).sql(" WHERE ").identifier(column);
        inList(w, values);
        return w.build();
    }

    /** {@code DELETE FROM table WHERE a = ? AND b IN (?, ...)} (many-to-many rows of one owner). */
    public CompiledSql deletePairs(String table, String ownerColumn, Object owner, String otherColumn, List<?> others) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("DELETE FROM ").identifier(table).sql(" WHERE ").identifier(ownerColumn).sql(" = ").param(owner);
        if (others != null) {
            w.sql(" AND ").identifier(otherColumn);
            inList(w, others);
        }
        return w.build();
    }

    /**
     * {@code DELETE FROM table WHERE (a = ? AND b IN (...)) OR (b = ? AND a IN (...))}: the pairs of a
     * symmetrical relation in both directions; with {@code others == null}, {@code a = ? OR b = ?}.
     */
    public CompiledSql deleteBothWays(String table, String a, String b, Object owner, List<?> others) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("DELETE FROM ").identifier(table).sql(" WHERE ");
        if (others == null) {
            w.identifier(a).sql(" = ").param(owner).sql(" OR ").identifier(b).sql(" = ").param(owner);
            return w.build();
        }
        w.sql("(").identifier(a).sql(" = ").param(owner).sql(" AND ").identifier(b);
        inList(w, others);
        w.sql(") OR (").identifier(b).sql(" = ").param(owner).sql(" AND ").identifier(a);
        inList(w, others);
        return w.sql(")").build();
    }

    /** {@code SELECT other FROM table WHERE owner = ? AND other IN (?, ...)}: which many-to-many pairs exist. */
    public CompiledSql selectPairs(String table, String ownerColumn, Object owner, String otherColumn, List<?> others) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("SELECT ").identifier(otherColumn).sql(" FROM ").identifier(table).sql(" WHERE ").identifier(ownerColumn)
                .sql(" = ").param(owner).sql(" AND ").identifier(otherColumn);
        inList(w, others);
        return w.build();
    }

    /** {@code SELECT columns FROM table WHERE column IN (?, ...)}. */
    public CompiledSql selectWhereIn(String table, List<String> columns, String column, List<?> values) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            w.sql(i > 0 ? ", " : "").identifier(columns.get(i));
        }
        w.sql(" FROM ").identifier(table).sql(" WHERE ").identifier(column);
        inList(w, values);
        return w.build();
    }

    /** {@code UPDATE table SET column = ? WHERE keyColumn IN (...)} (SET_NULL / SET_DEFAULT). */
    public CompiledSql setWhereIn(String table, String column, Object value, String keyColumn, List<?> keys) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("UPDATE ").identifier(table).sql(" SET ").identifier(column).sql(" = ").param(value)
                .sql(" WHERE ").identifier(keyColumn);
        inList(w, keys);
        return w.build();
    }

    /**
     * {@code SELECT a.key, a.column FROM table a LEFT JOIN target b ON a.column = b.targetColumn WHERE a.column IS
     * NOT NULL AND b.targetColumn IS NULL}: the rows whose foreign key refers to no row (checked after loading a
     * fixture with constraint checks deferred or off).
     */
    public CompiledSql danglingReferences(String table, String keyColumn, String column, String target, String targetColumn) {
        SqlBuilder w = new SqlBuilder(ops);
        w.sql("SELECT a.").identifier(keyColumn).sql(", a.").identifier(column).sql(" FROM ").identifier(table)
                .sql(" a LEFT JOIN ").identifier(target).sql(" b ON a.").identifier(column).sql(" = b.")
                .identifier(targetColumn).sql(" WHERE a.").identifier(column).sql(" IS NOT NULL AND b.")
                .identifier(targetColumn).sql(" IS NULL");
        return w.build();
    }

    private static void inList(SqlBuilder w, List<?> values) {
        w.sql(" IN (");
        for (int i = 0; i < values.size(); i++) {
            w.sql(i > 0 ? ", " : "").param(values.get(i));
        }
        w.sql(")");
    }
}
