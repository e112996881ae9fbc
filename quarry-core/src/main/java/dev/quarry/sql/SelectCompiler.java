package dev.quarry.sql;

import dev.quarry.QueryError;
import dev.quarry.model.FieldMeta;
import dev.quarry.query.AggregateQuery;
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
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link QueryTree} into SELECT statements: the rows themselves, their count, whether
 * any exists, and aggregates over them. The select list is the root model's columns, then each
 * select_related model's, then the annotations (or the values, in values mode); the loader reads
 * them in that order. A filter on a window annotation wraps the query:
 * {@code SELECT * FROM (...) "qualify" WHERE ...}, as SQL allows windows only in the select list.
 */
public final class SelectCompiler implements RenderContext {
    private final Operations ops;
    private final Features features;
    private SqlBuilder w;
    /** While writing a window filter around a wrapped query: what that query selects for it; else {@code null}. */
    private QualifyInputs qualifying;

    /** One item of a select list: an expression, with the name it is selected as ({@code null}: none). */
    private record Item(Expr expr, String alias) {}

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
        t.checkRunnable();
        w = new SqlBuilder(ops);
        writeSelect(t);
        return w.build();
    }

    /** {@code SELECT COUNT(*)} of the rows, wrapping the query where DISTINCT, GROUP BY, a window filter or a slice requires. */
    public CompiledSql count(QueryTree t) {
        t.checkRunnable();
        w = new SqlBuilder(ops);
        // As Django, a count takes no row lock.
        QueryTree plain = t.withoutOrdering().withLock(null);
        if (t.isDistinct() || t.isAggregated() || t.isSliced() || t.qualify() != null) {
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
        t.checkRunnable();
        w = new SqlBuilder(ops);
        QueryTree plain = t.withoutOrdering();
        if (t.isAggregated() || t.isSliced() || t.qualify() != null) {
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

    /**
     * The aggregates of {@code q} in one row: one SELECT over the rows (or over the query wrapped as a
     * derived table), or, when its parts need different rows, each part as a one-row derived table,
     * cross-joined: {@code SELECT "__p1"."a", "__p2"."b" FROM (...) "__p1" CROSS JOIN (...) "__p2"}.
     */
    public CompiledSql aggregate(AggregateQuery q) {
        w = new SqlBuilder(ops);
        if (q.parts().size() == 1) {
            writeAggregatePart(q.parts().get(0));
            return w.build();
        }
        Map<String, String> partOf = new java.util.HashMap<>();
        for (int p = 0; p < q.parts().size(); p++) {
            for (String alias : q.parts().get(p).aggregates().keySet()) {
                partOf.put(alias, "__p" + (p + 1));
            }
        }
        w.sql("SELECT ");
        int i = 0;
        for (String alias : q.outputs().keySet()) {
            w.sql(i++ > 0 ? ", " : "");
            column(partOf.get(alias), alias);
            w.sql(" AS ").identifier(alias);
        }
        w.sql(" FROM ");
        for (int p = 0; p < q.parts().size(); p++) {
            w.sql(p > 0 ? " CROSS JOIN (" : "(");
            writeAggregatePart(q.parts().get(p));
            w.sql(") ").identifier("__p" + (p + 1));
        }
        return w.build();
    }

    private void writeAggregatePart(AggregateQuery.Part p) {
        p.tree().checkRunnable();
        w.sql("SELECT ");
        int i = 0;
        for (Map.Entry<String, Expr> e : p.aggregates().entrySet()) {
            w.sql(i++ > 0 ? ", " : "");
            e.getValue().render(this);
            w.sql(" AS ").identifier(e.getKey());
        }
        if (p.wrapped()) {
            w.sql(" FROM (");
            writeSelect(p.tree());
            w.sql(") ").identifier("subquery");
        } else {
            writeFromWhere(p.tree());
        }
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

    /** Writes one resolved expression (the value of an UPDATE's SET). */
    void writeExpr(SqlBuilder out, Expr e) {
        SqlBuilder saved = w;
        w = out;
        e.render(this);
        w = saved;
    }

    @Override
    public void existsSubquery(QueryTree sub) {
        writePlainSelect(sub, true, null);
    }

    @Override
    public void scalarSubquery(QueryTree sub, Expr value) {
        w.sql("SELECT ");
        value.render(this);
        writeFromWhere(sub);
    }

    @Override
    public void subquery(QueryTree sub) {
        writeSelect(sub);
    }

    @Override
    public void annotation(String alias, Expr target) {
        if (qualifying != null) {
            w.identifier(alias);
        } else {
            target.render(this);
        }
    }

    @Override
    public void column(String alias, String column) {
        if (qualifying != null) {
            String name = qualifying.columnName(alias, column);
            if (name == null) {
                throw new QueryError("A condition on a window annotation can refer only to annotations and to the columns "
                        + "it compares (it is applied to the wrapped query); move the condition on " + column
                        + " into a filter() of its own");
            }
            w.identifier(name);
            return;
        }
        RenderContext.super.column(alias, column);
    }

    private void writeSelect(QueryTree t) {
        if (t.qualify() != null) {
            writeQualified(t);
        } else {
            writePlainSelect(t, false, null);
        }
    }

    /** {@code SELECT * FROM (<t with every column named and its order terms selected>) "qualify" WHERE ... ORDER BY ...}. */
    private void writeQualified(QueryTree t) {
        QualifyInputs inputs = QualifyInputs.of(t.qualify());
        w.sql("SELECT * FROM (");
        writePlainSelect(t, false, inputs);
        w.sql(") ").identifier("qualify").sql(" WHERE ");
        QualifyInputs outer = qualifying;
        qualifying = inputs;
        try {
            t.qualify().render(this);
        } finally {
            qualifying = outer;
        }
        List<OrderTerm> ordering = t.ordering();
        if (!ordering.isEmpty()) {
            w.sql(" ORDER BY ");
            for (int i = 0; i < ordering.size(); i++) {
                String name = "__o" + (i + 1);
                w.sql(i > 0 ? ", " : "");
                ops.orderTerm(w, () -> w.identifier(name), ordering.get(i).descending(), ordering.get(i).nulls());
            }
        }
        if (t.isSliced()) {
            ops.limitOffset(w, t.limit(), t.offset());
        }
    }

    /**
     * The select list after the root model's own columns ({@code own}, written from their cached text
     * by {@link #writePlainSelect}): select_related models' columns, then annotations (or, in values
     * mode, where {@code own} is {@code null}, the values), then extra columns and wrapped inputs.
     */
    private List<Item> items(QueryTree t) {
        List<Item> items = new ArrayList<>();
        Map<String, Expr> values = t.values();
        if (values == null) {
            for (SelectRelatedNode n : t.selectRelated()) {
                addRelated(t, n, items);
            }
            t.selectedAnnotations().forEach((alias, e) -> items.add(new Item(new AnnotationRef(alias, e), alias)));
        } else {
            values.forEach((name, e) -> items.add(new Item(e, name)));
        }
        for (Col extra : t.extraColumns()) {
            items.add(new Item(extra, null));
        }
        t.wrappedInputs().forEach((name, e) -> items.add(new Item(e, name)));
        return items;
    }

    /**
     * The SELECT of {@code t} without a window wrapper: its select list ({@code 1} for EXISTS when
     * {@code one}), FROM, WHERE, GROUP BY, HAVING; then ORDER BY, LIMIT and the lock, unless
     * {@code wrapper} is given, when every column is named, the order terms are selected as
     * {@code __o1...} for the wrapper to order by, and what its condition reads is selected too: the
     * annotations it names (under their aliases) and the columns it compares ({@code __q1...}).
     */
    private void writePlainSelect(QueryTree t, boolean one, QualifyInputs wrapper) {
        boolean wrapped = wrapper != null;
        SchemaText.ModelColumns own = t.values() == null ? SchemaText.columns(t.registry(), ops, t.model(), t.rootAlias()) : null;
        List<Item> items = items(t);
        List<Expr> selected = new ArrayList<>((own == null ? 0 : own.cols().size()) + items.size());
        if (own != null) {
            selected.addAll(own.cols());
        }
        items.forEach(i -> selected.add(i.expr()));
        w.sql(t.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
        boolean first = true;
        if (one) {
            w.sql("1");
        } else {
            int unnamed = 0;
            if (own != null && !wrapped && qualifying == null) {
                w.sql(own.text());
                first = own.cols().isEmpty();
            } else if (own != null) {
                for (Col c : own.cols()) {
                    first = comma(first);
                    c.render(this);
                    if (wrapped) {
                        w.sql(" AS ").identifier("__c" + ++unnamed);
                    }
                }
            }
            for (Item i : items) {
                first = comma(first);
                i.expr().render(this);
                if (i.alias() != null) {
                    w.sql(" AS ").identifier(i.alias());
                } else if (wrapped) {
                    w.sql(" AS ").identifier("__c" + ++unnamed);
                }
            }
            if (wrapped) {
                for (int k = 0; k < t.ordering().size(); k++) {
                    first = comma(first);
                    t.ordering().get(k).expr().render(this);
                    w.sql(" AS ").identifier("__o" + (k + 1));
                }
                for (String a : wrapper.annotations()) {
                    if (items.stream().noneMatch(i -> a.equals(i.alias()))) {
                        first = comma(first);
                        t.annotations().get(a).render(this);
                        w.sql(" AS ").identifier(a);
                    }
                }
                List<Col> compared = wrapper.orderedColumns();
                for (int k = 0; k < compared.size(); k++) {
                    first = comma(first);
                    compared.get(k).render(this);
                    w.sql(" AS ").identifier("__q" + (k + 1));
                }
            } else if (t.isDistinct()) {
                int hidden = 0;
                for (OrderTerm o : t.ordering()) {
                    if ((o.annotation() == null || t.isHidden(o.annotation())) && !selected.contains(o.expr())) {
                        first = comma(first);
                        o.expr().render(this);
                        w.sql(" AS ").identifier("__order" + hidden++);
                    }
                }
            }
        }
        writeFromWhere(t);
        writeGroupBy(t, selected, !one);
        if (t.having() != null) {
            w.sql(" HAVING ");
            t.having().render(this);
        }
        if (wrapped) {
            return;
        }
        writeOrderBy(t);
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

    private void addRelated(QueryTree t, SelectRelatedNode n, List<Item> items) {
        for (Col c : SchemaText.columns(t.registry(), ops, n.model(), n.alias()).cols()) {
            items.add(new Item(c, null));
        }
        for (SelectRelatedNode c : n.children()) {
            addRelated(t, c, items);
        }
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
            if (qualifying == null) {
                w.sql(joinText(t, j));
            } else {
                writeJoin(j);
            }
        }
        if (t.where() != null) {
            w.sql(" WHERE ");
            t.where().render(this);
        }
    }

    /** The text of {@code j} ({@code LEFT OUTER JOIN "book" ON (...)}), written once per registry, join and database. */
    private String joinText(QueryTree t, Join j) {
        return SchemaText.join(t.registry(), ops, j, join -> {
            SqlBuilder saved = w;
            w = new SqlBuilder(ops);
            try {
                writeJoin(join);
                return w.build().sql();
            } finally {
                w = saved;
            }
        });
    }

    private void writeJoin(Join j) {
        w.sql(j.type() == Join.JoinType.INNER ? " INNER JOIN " : " LEFT OUTER JOIN ");
        table(j.step().table(), j.alias());
        w.sql(" ON (");
        column(j.parentAlias(), j.step().parentColumn());
        w.sql(" = ");
        column(j.alias(), j.step().childColumn());
        w.sql(")");
    }

    private void table(String table, String alias) {
        w.identifier(table);
        if (!alias.equals(table)) {
            w.sql(" ").identifier(alias);
        }
    }

    /**
     * Writes GROUP BY where {@code t} aggregates; when the select list is written ({@code positional}), a
     * selected expression other than a column is named by its position in {@code selected}.
     */
    private void writeGroupBy(QueryTree t, List<Expr> selected, boolean positional) {
        List<Expr> terms = GroupBy.terms(t, selected, features);
        if (terms.isEmpty()) {
            return;
        }
        w.sql(" GROUP BY ");
        boolean first = true;
        for (Expr e : terms) {
            first = comma(first);
            int position = positional ? GroupBy.position(e, selected) : 0;
            if (position > 0) {
                w.sql(Integer.toString(position));
            } else {
                e.render(this);
            }
        }
    }

    private void writeOrderBy(QueryTree t) {
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
            boolean selectedAnnotation = o.annotation() != null && !emulatedNulls && !t.isHidden(o.annotation())
                    && (t.values() == null || t.values().containsKey(o.annotation()));
            Runnable expr = selectedAnnotation ? () -> w.identifier(o.annotation()) : () -> o.expr().render(this);
            ops.orderTerm(w, expr, o.descending(), o.nulls());
        }
    }
}
