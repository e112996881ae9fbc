package dev.quarry.sql;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.Join;
import dev.quarry.query.OrderTerm;
import dev.quarry.query.QueryTree;
import dev.quarry.query.RenderContext;
import dev.quarry.query.RowLock;
import dev.quarry.query.SelectRelatedNode;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SqlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link QueryTree} into SELECT statements: the rows themselves, their count, whether
 * any exists, and aggregates over them. The select list is the root model's columns, then each
 * select_related model's, then the annotations (or the values, in values mode); the loader reads
 * them in that order.
 */
public final class SelectCompiler implements RenderContext {
    private final Operations ops;
    private final Features features;
    private SqlBuilder w;

    /** A compiler writing with the backend's {@code ops}, shaped by its {@code features}. */
    public SelectCompiler(Operations ops, Features features) {
        this.ops = ops;
        this.features = features;
    }

    @Override
    public SqlWriter w() {
        return w;
    }

    @Override
    public Operations ops() {
        return ops;
    }

    @Override
    public Features features() {
        return features;
    }

    /** The statement that fetches the rows. */
    public CompiledSql select(QueryTree t) {
        w = new SqlBuilder(ops);
        writeSelect(t);
        return w.build();
    }

    /** {@code SELECT COUNT(*)} of the rows, wrapping the query where DISTINCT, GROUP BY or a slice requires. */
    public CompiledSql count(QueryTree t) {
        w = new SqlBuilder(ops);
        // As Django, a count takes no row lock.
        QueryTree plain = t.withoutOrdering().withLock(null);
        if (t.isDistinct() || t.isAggregated() || t.isSliced()) {
            w.sql("SELECT COUNT(*) FROM (");
            writeSelect(plain);
            w.sql(") ").identifier("subquery");
        } else {
            w.sql("SELECT COUNT(*)");
            writeFromWhere(plain);
        }
        return w.build();
    }

    /** {@code SELECT 1 ... LIMIT 1}: whether any row matches. */
    public CompiledSql exists(QueryTree t) {
        w = new SqlBuilder(ops);
        QueryTree plain = t.withoutOrdering();
        if (t.isAggregated() || t.isSliced()) {
            w.sql("SELECT 1 FROM (");
            writeSelect(plain);
            w.sql(") ").identifier("subquery");
            ops.limitOffset(w, 1L, null);
        } else {
            w.sql("SELECT 1 AS ").identifier("a");
            writeFromWhere(plain);
            ops.limitOffset(w, 1L, null);
            writeLock(t);
        }
        return w.build();
    }

    /** The aggregates over every matching row, in one row. */
    public CompiledSql aggregate(QueryTree t, Map<String, Expr> aggregates) {
        if (t.isDistinct() || t.isSliced() || t.isAggregated()) {
            throw new dev.quarry.QueryError(
                    "aggregate() over a distinct, sliced or annotated QuerySet is not supported yet");
        }
        w = new SqlBuilder(ops);
        w.sql("SELECT ");
        int i = 0;
        for (Map.Entry<String, Expr> e : aggregates.entrySet()) {
            w.sql(i++ > 0 ? ", " : "");
            e.getValue().render(this);
            w.sql(" AS ").identifier(e.getKey());
        }
        writeFromWhere(t.withoutOrdering());
        return w.build();
    }

    /** The primary keys of the matching rows, wrapped in a derived table so UPDATE/DELETE may use them on any database. */
    void writePkSubquery(SqlBuilder out, QueryTree t) {
        SqlBuilder saved = w;
        w = out;
        FieldMeta pk = t.model().pk();
        w.sql("SELECT ").identifier(pk.column()).sql(" FROM (SELECT ");
        column(t.rootAlias(), pk.column());
        w.sql(" AS ").identifier(pk.column());
        writeFromWhere(t.withoutOrdering());
        w.sql(") ").identifier("pks");
        w = saved;
    }

    /** Writes only the WHERE condition of a join-free tree (UPDATE/DELETE on one table). */
    void writeWhereOnly(SqlBuilder out, QueryTree t) {
        SqlBuilder saved = w;
        w = out;
        if (t.where() != null) {
            w.sql(" WHERE ");
            t.where().render(this);
        }
        w = saved;
    }

    @Override
    public void existsSubquery(QueryTree sub) {
        w.sql("SELECT 1");
        writeFromWhere(sub);
    }

    @Override
    public void scalarSubquery(QueryTree sub, Expr value) {
        w.sql("SELECT ");
        value.render(this);
        writeFromWhere(sub);
    }

    private void writeSelect(QueryTree t) {
        w.sql(t.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
        List<Expr> selected = new ArrayList<>();
        Map<String, Expr> values = t.values();
        boolean first = true;
        if (values == null) {
            first = writeModelColumns(t.model(), t.rootAlias(), selected, first);
            for (SelectRelatedNode n : t.selectRelated()) {
                first = writeRelated(n, selected, first);
            }
            for (Map.Entry<String, Expr> a : t.annotations().entrySet()) {
                first = comma(first);
                a.getValue().render(this);
                w.sql(" AS ").identifier(a.getKey());
                selected.add(new AnnotationRef(a.getKey(), a.getValue()));
            }
        } else {
            for (Map.Entry<String, Expr> v : values.entrySet()) {
                first = comma(first);
                v.getValue().render(this);
                w.sql(" AS ").identifier(v.getKey());
                selected.add(v.getValue());
            }
        }
        for (Col extra : t.extraColumns()) {
            first = comma(first);
            extra.render(this);
        }
        if (t.isDistinct()) {
            int hidden = 0;
            for (OrderTerm o : t.ordering()) {
                if (o.annotation() == null && !selected.contains(o.expr())) {
                    first = comma(first);
                    o.expr().render(this);
                    w.sql(" AS ").identifier("__order" + hidden++);
                }
            }
        }
        writeFromWhere(t);
        writeGroupBy(t, selected);
        if (t.having() != null) {
            w.sql(" HAVING ");
            t.having().render(this);
        }
        writeOrderBy(t, selected);
        if (t.isSliced()) {
            ops.limitOffset(w, t.limit(), t.offset());
        }
        writeLock(t);
    }

    /** The row-locking clause where the database has one (SQLite has none: Django leaves it out there too). */
    private void writeLock(QueryTree t) {
        RowLock lock = t.lock();
        if (lock == null) {
            return;
        }
        List<String> aliases = lock.aliases(t);
        if (features.has(Feature.SELECT_FOR_UPDATE)) {
            ops.forUpdate(w, aliases, lock.nowait(), lock.skipLocked());
        }
    }

    private boolean writeModelColumns(ModelMeta meta, String alias, List<Expr> selected, boolean first) {
        for (FieldMeta f : meta.fields()) {
            first = comma(first);
            column(alias, f.column());
            selected.add(Col.of(alias, f));
        }
        return first;
    }

    private boolean writeRelated(SelectRelatedNode n, List<Expr> selected, boolean first) {
        first = writeModelColumns(n.model(), n.alias(), selected, first);
        for (SelectRelatedNode c : n.children()) {
            first = writeRelated(c, selected, first);
        }
        return first;
    }

    private boolean comma(boolean first) {
        if (!first) {
            w.sql(", ");
        }
        return false;
    }

    private void writeFromWhere(QueryTree t) {
        w.sql(" FROM ");
        table(t.model().table(), t.rootAlias());
        for (Join j : t.joins()) {
            w.sql(j.type() == Join.JoinType.INNER ? " INNER JOIN " : " LEFT OUTER JOIN ");
            table(j.step().table(), j.alias());
            w.sql(" ON (");
            column(j.parentAlias(), j.step().parentColumn());
            w.sql(" = ");
            column(j.alias(), j.step().childColumn());
            w.sql(")");
        }
        if (t.where() != null) {
            w.sql(" WHERE ");
            t.where().render(this);
        }
    }

    private void table(String table, String alias) {
        w.identifier(table);
        if (!alias.equals(table)) {
            w.sql(" ").identifier(alias);
        }
    }

    private void writeGroupBy(QueryTree t, List<Expr> selected) {
        if (!t.isAggregated()) {
            return;
        }
        Map<String, Expr> groups = new LinkedHashMap<>();
        if (t.values() != null) {
            if (!t.groupsByValues()) {
                addGroup(groups, Col.of(t.rootAlias(), t.model().pk()));
            }
            for (Expr e : t.values().values()) {
                if (!e.containsAggregate()) {
                    addGroup(groups, e);
                }
            }
        } else if (features.has(Feature.GROUP_BY_SELECTED_PK)) {
            addGroup(groups, Col.of(t.rootAlias(), t.model().pk()));
            for (SelectRelatedNode n : t.selectRelated()) {
                addRelatedPks(groups, n);
            }
        } else {
            for (Expr e : selected) {
                if (!e.containsAggregate()) {
                    addGroup(groups, e);
                }
            }
        }
        for (OrderTerm o : t.ordering()) {
            if (!o.expr().containsAggregate() && !(o.expr() instanceof Col c && c.alias().equals(t.rootAlias())
                    && t.values() == null)) {
                addGroup(groups, o.expr());
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        w.sql(" GROUP BY ");
        boolean first = true;
        for (Expr e : groups.values()) {
            first = comma(first);
            e.render(this);
        }
    }

    private void addRelatedPks(Map<String, Expr> groups, SelectRelatedNode n) {
        addGroup(groups, Col.of(n.alias(), n.model().pk()));
        for (SelectRelatedNode c : n.children()) {
            addRelatedPks(groups, c);
        }
    }

    private static void addGroup(Map<String, Expr> groups, Expr e) {
        String key = e instanceof Col c ? c.alias() + "." + c.column() : e.toString();
        groups.putIfAbsent(key, e);
    }

    private void writeOrderBy(QueryTree t, List<Expr> selected) {
        if (t.ordering().isEmpty()) {
            return;
        }
        w.sql(" ORDER BY ");
        boolean first = true;
        for (OrderTerm o : t.ordering()) {
            first = comma(first);
            // An alias inside an expression (the NULLS emulation) is refused by MySQL/MariaDB,
            // so the emulation repeats the expression instead.
            boolean emulatedNulls = o.nulls() != dev.quarry.spi.NullsOrder.DEFAULT && !features.has(Feature.NULLS_ORDERING);
            boolean selectedAnnotation = o.annotation() != null && !emulatedNulls
                    && (t.values() == null || t.values().containsKey(o.annotation()));
            Runnable expr = selectedAnnotation ? () -> w.identifier(o.annotation()) : () -> o.expr().render(this);
            ops.orderTerm(w, expr, o.descending(), o.nulls());
        }
    }
}
