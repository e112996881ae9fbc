package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.expr.Aggregate;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.Hop;
import dev.quarry.model.JoinStep;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.DatePartExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.SubqueryAggregate;
import dev.quarry.query.lookup.Lookup;
import dev.quarry.query.lookup.LookupRegistry;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable, resolved form of a QuerySet: joins, WHERE and HAVING trees, annotations,
 * ordering, slicing, values and select_related. Every method returns a new tree; lookup strings
 * are resolved here, so a bad one fails before any SQL exists.
 *
 * <p>Join rules (Django's): single-valued joins are always reused; a multi-valued join is reused
 * only by conditions of the same {@code filter()} call; annotate, orderBy and values reuse the
 * latest matching join. Joins are LEFT OUTER where a missing row matters (nullable keys, reverse
 * relations outside filters, {@code isnull=true}, OR and NOT).
 *
 * <p>Over 600 lines because path resolution, join planning, negation and select_related all
 * read and extend the same join list and alias counter; split apart they would have to share
 * that mutable state through package-private accessors.
 */
public final class QueryTree {
    private final ModelMeta model;
    private final char prefix;
    private final String rootAlias;
    private List<Join> joins = List.of();
    private Where where;
    private Where having;
    private Map<String, Expr> annotations = Map.of();
    private List<OrderTerm> ordering = List.of();
    private boolean defaultOrdering = true;
    private Long limit;
    private Long offset;
    private boolean distinct;
    private Map<String, Expr> values;
    private boolean groupByValues;
    private List<SelectRelatedNode> selectRelated = List.of();
    private int groups;
    private List<Col> extraColumns = List.of();

    private QueryTree(ModelMeta model, char prefix) {
        this.model = model;
        this.prefix = prefix;
        this.rootAlias = prefix == 0 ? model.table() : prefix + "0";
    }

    /** A tree selecting every row of the model, in its default ordering. */
    public static QueryTree of(ModelMeta model) {
        QueryTree t = new QueryTree(model, (char) 0);
        if (!model.ordering().isEmpty()) {
            t = t.orderBy(model.ordering().stream().map(Ordering::parse).toList());
            t.defaultOrdering = true;
        }
        return t;
    }

    private QueryTree copy() {
        QueryTree t = new QueryTree(model, prefix);
        t.joins = joins;
        t.where = where;
        t.having = having;
        t.annotations = annotations;
        t.ordering = ordering;
        t.defaultOrdering = defaultOrdering;
        t.limit = limit;
        t.offset = offset;
        t.distinct = distinct;
        t.values = values;
        t.groupByValues = groupByValues;
        t.selectRelated = selectRelated;
        t.groups = groups;
        t.extraColumns = extraColumns;
        return t;
    }

    // ----- building -----

    /** Rows matching {@code q}; its conditions on a multi-valued relation refer to one related row. */
    public QueryTree filter(Q q) {
        checkNotSliced("filter");
        if (q.isEmpty()) {
            return this;
        }
        QueryTree t = copy();
        t.groups++;
        Where w = t.build(q, t.groups, false);
        t.addCondition(w);
        return t;
    }

    /** Rows not matching {@code q}: the exact complement of {@code filter(q)}. */
    public QueryTree exclude(Q q) {
        checkNotSliced("exclude");
        if (q.isEmpty()) {
            return this;
        }
        QueryTree t = copy();
        t.groups++;
        t.addCondition(t.negation(q, t.groups));
        return t;
    }

    /** Rows whose key is in a many-to-many table row that refers to {@code ownerKey}. */
    public QueryTree filterThrough(String throughTable, String selectColumn, String whereColumn, Object ownerKey) {
        QueryTree t = copy();
        t.addCondition(new Where.InThrough(Col.of(rootAlias, model.pk()), throughTable, selectColumn, whereColumn, ownerKey));
        return t;
    }

    private void addCondition(Where w) {
        List<Where> plain = new ArrayList<>();
        List<Where> aggregated = new ArrayList<>();
        if (w instanceof Where.And and) {
            for (Where c : and.children()) {
                (c.containsAggregate() ? aggregated : plain).add(c);
            }
        } else {
            (w.containsAggregate() ? aggregated : plain).add(w);
        }
        if (!plain.isEmpty()) {
            where = and(where, plain.size() == 1 ? plain.get(0) : new Where.And(plain));
        }
        if (!aggregated.isEmpty()) {
            having = and(having, aggregated.size() == 1 ? aggregated.get(0) : new Where.And(aggregated));
        }
    }

    private static Where and(Where existing, Where added) {
        if (existing == null) {
            return added;
        }
        List<Where> all = new ArrayList<>();
        if (existing instanceof Where.And a) {
            all.addAll(a.children());
        } else {
            all.add(existing);
        }
        all.add(added);
        return new Where.And(all);
    }

    private Where build(Q q, int group, boolean outer) {
        if (q.negated()) {
            return negation(q.negate(), group);
        }
        boolean childOuter = outer || (q.connector() == Q.Connector.OR && q.children().size() > 1);
        List<Where> children = new ArrayList<>();
        for (Object child : q.children()) {
            if (child instanceof Q sub) {
                children.add(build(sub, group, childOuter));
            } else {
                Q.Leaf leaf = (Q.Leaf) child;
                children.add(condition(leaf.lookup(), leaf.value(), group, childOuter));
            }
        }
        if (children.size() == 1) {
            return children.get(0);
        }
        return q.connector() == Q.Connector.AND ? new Where.And(children) : new Where.Or(children);
    }

    /**
     * NOT q. When q needs no join and touches no nullable column, a plain NOT; otherwise NOT EXISTS
     * over a subquery that applies q as one filter() call, so exclude(q) is filter(q)'s complement.
     */
    private Where negation(Q q, int group) {
        QueryTree trial = copy();
        Where w = trial.build(q, group, false);
        if (w.containsAggregate() || (trial.joins.size() == joins.size() && !nullSensitive(w))) {
            this.joins = trial.joins;
            return new Where.Not(w);
        }
        QueryTree sub = new QueryTree(model, prefix == 0 ? 'U' : (char) (prefix + 1));
        sub.annotations = annotations;
        sub = sub.filter(q);
        sub.where = and(new Where.ColumnsEqual(Col.of(sub.rootAlias, model.pk()), Col.of(rootAlias, model.pk())), sub.where);
        return new Where.Exists(sub, true);
    }

    private static boolean nullSensitive(Where w) {
        if (w instanceof Where.Condition c) {
            return c.lhs().nullable() && !c.lookup().name().equals("isnull");
        }
        if (w instanceof Where.And a) {
            return a.children().stream().anyMatch(QueryTree::nullSensitive);
        }
        if (w instanceof Where.Or o) {
            return o.children().stream().anyMatch(QueryTree::nullSensitive);
        }
        if (w instanceof Where.Not n) {
            return nullSensitive(n.child());
        }
        return false;
    }

    private Where condition(String path, Object value, int group, boolean outer) {
        int cut = path.indexOf("__");
        String head = cut < 0 ? path : path.substring(0, cut);
        Expr lhs;
        List<String> rest;
        String subject;
        if (!annotations.isEmpty() && annotations.containsKey(head) && model.field(head) == null) {
            lhs = new AnnotationRef(head, annotations.get(head));
            rest = cut >= 0 ? List.of(dev.quarry.internal.Names.splitLookup(path.substring(cut + 2))) : List.of();
            subject = head;
            LookupAndExpr le = lookupFor(lhs, rest, subject);
            Object prepared = le.lookup.prepare(value, le.expr.outputType(), subject);
            return new Where.Condition(le.expr, le.lookup, prepared);
        }
        ParsedPath parsed = ParsedPath.parse(model, path);
        parsed.checkInstances(value, path);
        subject = parsed.field().toString();
        Expr probe = Col.of("?", parsed.field());
        LookupAndExpr le = lookupFor(probe, parsed.rest(), subject);
        Object prepared = le.lookup.prepare(value, le.expr.outputType(), subject);
        boolean needsOuter = outer || le.lookup.matchesMissingRow(prepared);
        String alias = joinHops(parsed.hops(), group, needsOuter);
        lhs = rebase(le.expr, alias);
        return new Where.Condition(lhs, le.lookup, prepared);
    }

    private record LookupAndExpr(Expr expr, Lookup lookup) {}

    private static LookupAndExpr lookupFor(Expr lhs, List<String> rest, String subject) {
        Expr expr = lhs;
        for (int i = 0; i < rest.size(); i++) {
            String part = rest.get(i);
            DatePart dp = LookupRegistry.transform(part);
            if (dp != null) {
                FieldType t = expr.outputType();
                if (t != FieldType.DATE && t != FieldType.DATETIME) {
                    throw new FieldError(String.format("Unsupported transform '%s' for %s field '%s': date parts apply to date and datetime fields",
                            part, t, subject));
                }
                expr = new DatePartExpr(dp, expr);
                continue;
            }
            Lookup lookup = LookupRegistry.lookup(part);
            if (lookup != null && i == rest.size() - 1) {
                return new LookupAndExpr(expr, lookup);
            }
            throw new FieldError(String.format("Unsupported lookup '%s' for %s field '%s' or join on the field not permitted. "
                    + "Lookups are: %s", part, expr.outputType(), subject, String.join(", ", LookupRegistry.names())));
        }
        return new LookupAndExpr(expr, LookupRegistry.exact());
    }

    private static Expr rebase(Expr e, String alias) {
        if (e instanceof Col c) {
            return new Col(alias, c.column(), c.outputType(), c.field(), c.nullable());
        }
        if (e instanceof DatePartExpr d) {
            return new DatePartExpr(d.part(), rebase(d.source(), alias));
        }
        return e;
    }

    /** Adds (or reuses) the joins of these hops; returns the alias of the last model. */
    private String joinHops(List<Hop> hops, int group, boolean outer) {
        String alias = rootAlias;
        boolean parentOuter = false;
        List<Join> list = new ArrayList<>(joins);
        for (Hop hop : hops) {
            for (JoinStep step : hop.steps()) {
                Join j = findJoin(list, alias, step, group);
                boolean wantOuter = parentOuter || outer || (group < 0 && step.nullable());
                if (j == null) {
                    j = new Join(nextAlias(list, step.table()), alias, step,
                            wantOuter ? Join.JoinType.LEFT : Join.JoinType.INNER, group);
                    list.add(j);
                } else if (wantOuter && j.type() == Join.JoinType.INNER) {
                    Join promoted = j.withType(Join.JoinType.LEFT);
                    list.set(list.indexOf(j), promoted);
                    j = promoted;
                }
                parentOuter = j.type() == Join.JoinType.LEFT;
                alias = j.alias();
            }
        }
        joins = Collections.unmodifiableList(list);
        return alias;
    }

    private static Join findJoin(List<Join> list, String parent, JoinStep step, int group) {
        Join found = null;
        for (Join j : list) {
            if (j.parentAlias().equals(parent) && j.step().equals(step)) {
                if (!step.multiValued()) {
                    return j;
                }
                if (group < 0 || j.group() == group) {
                    found = j;
                }
            }
        }
        return found;
    }

    private String nextAlias(List<Join> list, String table) {
        if (prefix != 0) {
            return prefix + String.valueOf(list.size() + 1);
        }
        boolean taken = table.equals(rootAlias) || list.stream().anyMatch(j -> j.alias().equals(table));
        return taken ? "T" + (list.size() + 2) : table;
    }

    /** Adds an aggregate under an alias; a later filter on the alias becomes HAVING. */
    public QueryTree annotate(String alias, Aggregate aggregate) {
        checkNotSliced("annotate");
        if (model.field(alias) != null || model.hop(alias) != null) {
            throw new FieldError("The annotation '" + alias + "' conflicts with a field on " + model.name());
        }
        if (annotations.containsKey(alias)) {
            throw new FieldError("The annotation '" + alias + "' is already defined on this query");
        }
        QueryTree t = copy();
        Expr arg = t.resolveExpr(aggregate.path(), "annotate");
        Expr value = new AggregateExpr(aggregate.function(), arg, aggregate.isDistinct());
        boolean addsMultiValued = t.joins.subList(joins.size(), t.joins.size()).stream().anyMatch(j -> j.step().multiValued());
        if (addsMultiValued && joins.stream().anyMatch(j -> j.step().multiValued() && j.group() < 0)) {
            // Another multi-valued join made by annotate (or orderBy/values) is there already:
            // joining one more would multiply the rows each aggregates over (Django's #10060), so
            // this aggregate gets its own subquery. Joins made by filter() are reused as Django
            // does, so that annotate() after filter() aggregates only the filtered rows.
            t = copy();
            QueryTree sub = new QueryTree(model, prefix == 0 ? 'U' : (char) (prefix + 1));
            Expr subArg = sub.resolveExpr(aggregate.path(), "annotate");
            sub.where = new Where.ColumnsEqual(Col.of(sub.rootAlias, model.pk()), Col.of(rootAlias, model.pk()));
            value = new SubqueryAggregate(sub, new AggregateExpr(aggregate.function(), subArg, aggregate.isDistinct()));
        }
        Map<String, Expr> a = new LinkedHashMap<>(annotations);
        a.put(alias, value);
        t.annotations = Collections.unmodifiableMap(a);
        if (values != null) {
            t.groupByValues = true;
        }
        return t;
    }

    /** Resolves a path to a column (joining with LEFT OUTER where rows could be lost) or an annotation. */
    private Expr resolveExpr(String path, String context) {
        if (annotations.containsKey(path)) {
            return new AnnotationRef(path, annotations.get(path));
        }
        ParsedPath parsed = ParsedPath.parse(model, path);
        if (!parsed.rest().isEmpty()) {
            DatePart dp = parsed.rest().size() == 1 ? LookupRegistry.transform(parsed.rest().get(0)) : null;
            if (dp == null) {
                throw new FieldError(String.format("Cannot resolve '%s' in %s: '%s' is not a field of %s",
                        path, context, String.join("__", parsed.rest()), parsed.field().model().name()));
            }
            String alias = joinHops(parsed.hops(), -1, false);
            return new DatePartExpr(dp, Col.of(alias, parsed.field()));
        }
        String alias = joinHops(parsed.hops(), -1, false);
        return Col.of(alias, parsed.field());
    }

    /** Orders by these terms, replacing any ordering (an empty list clears it). */
    public QueryTree orderBy(List<Ordering> terms) {
        checkNotSliced("orderBy");
        QueryTree t = copy();
        List<OrderTerm> out = new ArrayList<>();
        for (Ordering o : terms) {
            String path = o.path();
            Expr e = t.resolveExpr(path, "orderBy");
            String annotation = e instanceof AnnotationRef r ? r.alias() : null;
            out.add(new OrderTerm(e, annotation, o.descending(), o.nulls()));
        }
        t.ordering = List.copyOf(out);
        t.defaultOrdering = false;
        return t;
    }

    /** The same tree ordered the other way; an unordered tree is ordered by primary key first. */
    public QueryTree reverseOrdering() {
        QueryTree t = ordering.isEmpty() ? orderBy(List.of(Ordering.asc("pk"))) : copy();
        t.ordering = t.ordering.stream().map(OrderTerm::reversed).toList();
        return t;
    }

    /** Rows from {@code offset}, at most {@code limit} of them, composed with any earlier slice. */
    public QueryTree slice(Long newOffset, Long newLimit) {
        QueryTree t = copy();
        long base = offset == null ? 0 : offset;
        long start = base + (newOffset == null ? 0 : newOffset);
        Long end = null;
        if (newLimit != null) {
            end = start + newLimit;
        }
        if (limit != null) {
            long oldEnd = base + limit;
            end = end == null ? oldEnd : Math.min(end, oldEnd);
        }
        t.offset = start == 0 ? null : start;
        t.limit = end == null ? null : Math.max(0, end - start);
        return t;
    }

    /** Whether a slice has been taken. */
    public boolean isSliced() {
        return limit != null || offset != null;
    }

    private void checkNotSliced(String what) {
        if (isSliced()) {
            throw new IllegalStateException("Cannot " + what + " a query once a slice has been taken");
        }
    }

    /** Removes duplicate rows. */
    public QueryTree distinct() {
        QueryTree t = copy();
        t.distinct = true;
        return t;
    }

    /** Selects these paths (or annotation aliases) instead of model instances; none means every concrete field. */
    public QueryTree values(List<String> paths) {
        QueryTree t = copy();
        Map<String, Expr> v = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            for (FieldMeta f : model.fields()) {
                v.put(f.isForeignKey() ? f.column() : f.queryName(), Col.of(rootAlias, f));
            }
            v.putAll(annotationRefs());
        } else {
            for (String p : paths) {
                v.put(p, t.resolveExpr(p, "values"));
            }
        }
        t.values = Collections.unmodifiableMap(v);
        return t;
    }

    private Map<String, Expr> annotationRefs() {
        Map<String, Expr> refs = new LinkedHashMap<>();
        annotations.forEach((k, e) -> refs.put(k, new AnnotationRef(k, e)));
        return refs;
    }

    /** Loads these forward foreign keys in the same query; no paths means every non-null one. */
    public QueryTree selectRelated(List<String> paths) {
        if (values != null) {
            throw new IllegalStateException("selectRelated cannot be combined with values()");
        }
        QueryTree t = copy();
        List<SelectRelatedNode> nodes = new ArrayList<>(selectRelated);
        if (paths.isEmpty()) {
            for (FieldMeta fk : model.foreignKeys()) {
                if (!fk.nullable()) {
                    nodes.add(t.selectRelatedNode(rootAlias, fk, List.of(), true, 0));
                }
            }
        } else {
            for (String p : paths) {
                nodes = t.merge(nodes, t.rootAlias, model, dev.quarry.internal.Names.splitLookup(p), 0, p);
            }
        }
        t.selectRelated = List.copyOf(nodes);
        return t;
    }

    private List<SelectRelatedNode> merge(List<SelectRelatedNode> level, String parentAlias, ModelMeta meta,
                                          String[] parts, int i, String path) {
        FieldMeta fk = meta.field(parts[i]);
        if (fk == null || !fk.isForeignKey()) {
            throw new FieldError(String.format("Invalid field name '%s' in selectRelated(\"%s\") on %s. Choices are: %s",
                    parts[i], path, meta.name(),
                    String.join(", ", meta.foreignKeys().stream().map(FieldMeta::queryName).toList())));
        }
        List<SelectRelatedNode> out = new ArrayList<>(level);
        int index = -1;
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k).foreignKey() == fk) {
                index = k;
            }
        }
        SelectRelatedNode node = index >= 0 ? out.get(index) : selectRelatedNode(parentAlias, fk, List.of(), false, 0);
        if (i < parts.length - 1) {
            node = new SelectRelatedNode(fk, node.model(), node.alias(),
                    merge(node.children(), node.alias(), node.model(), parts, i + 1, path));
        }
        if (index >= 0) {
            out.set(index, node);
        } else {
            out.add(node);
        }
        return out;
    }

    private SelectRelatedNode selectRelatedNode(String parentAlias, FieldMeta fk, List<SelectRelatedNode> children,
                                                boolean recurse, int depth) {
        Hop hop = fk.model().hop(fk.queryName());
        JoinStep step = hop.steps().get(0);
        List<Join> list = new ArrayList<>(joins);
        Join j = findJoin(list, parentAlias, step, -1);
        boolean parentOuter = list.stream().anyMatch(x -> x.alias().equals(parentAlias) && x.type() == Join.JoinType.LEFT);
        if (j == null) {
            j = new Join(nextAlias(list, step.table()), parentAlias, step,
                    step.nullable() || parentOuter ? Join.JoinType.LEFT : Join.JoinType.INNER, -1);
            list.add(j);
            joins = Collections.unmodifiableList(list);
        }
        ModelMeta target = hop.to();
        List<SelectRelatedNode> kids = new ArrayList<>(children);
        if (recurse && depth < 4) {
            for (FieldMeta next : target.foreignKeys()) {
                if (!next.nullable()) {
                    kids.add(selectRelatedNode(j.alias(), next, List.of(), true, depth + 1));
                }
            }
        }
        return new SelectRelatedNode(fk, target, j.alias(), kids);
    }

    /** A tree whose WHERE is this tree's, for statements (UPDATE, DELETE) that need only the matching keys. */
    public QueryTree withoutOrdering() {
        QueryTree t = copy();
        t.ordering = List.of();
        t.defaultOrdering = false;
        return t;
    }

    /**
     * Rows of this model reached through a many-to-many table from any of {@code keys}: joins the
     * through table on {@code targetColumn} and selects its {@code sourceColumn} as an extra
     * last column, so a prefetch can tell which owner each row belongs to.
     */
    public QueryTree prefetchThrough(String throughTable, String targetColumn, String sourceColumn,
                                     FieldType sourceType, List<?> keys) {
        QueryTree t = copy();
        List<Join> list = new ArrayList<>(joins);
        JoinStep step = new JoinStep(throughTable, model.pk().column(), targetColumn, true, false);
        Join j = new Join(nextAlias(list, throughTable), rootAlias, step, Join.JoinType.INNER, -1);
        list.add(j);
        t.joins = Collections.unmodifiableList(list);
        Col source = new Col(j.alias(), sourceColumn, sourceType, null, false);
        t.where = and(where, new Where.Condition(source, LookupRegistry.lookup("in"), List.copyOf(keys)));
        t.extraColumns = List.of(source);
        return t;
    }

    /** Columns selected after everything else (the owner key of a many-to-many prefetch). */
    public List<Col> extraColumns() {
        return extraColumns;
    }

    // ----- reading, for the compiler and the loader -----

    public ModelMeta model() {
        return model;
    }

    public String rootAlias() {
        return rootAlias;
    }

    public List<Join> joins() {
        return joins;
    }

    public Where where() {
        return where;
    }

    public Where having() {
        return having;
    }

    public Map<String, Expr> annotations() {
        return annotations;
    }

    public List<OrderTerm> ordering() {
        return ordering;
    }

    /** Whether the ordering is the model's default rather than one asked for. */
    public boolean hasDefaultOrdering() {
        return defaultOrdering;
    }

    public Long limit() {
        return limit;
    }

    public Long offset() {
        return offset;
    }

    public boolean isDistinct() {
        return distinct;
    }

    /** The selected values by output name, or {@code null} when the tree selects model instances. */
    public Map<String, Expr> values() {
        return values;
    }

    /** Whether the query groups by its values (values() followed by annotate()). */
    public boolean groupsByValues() {
        return groupByValues;
    }

    public List<SelectRelatedNode> selectRelated() {
        return selectRelated;
    }

    /** Whether any annotation is an aggregate, so the query needs GROUP BY. */
    public boolean isAggregated() {
        return annotations.values().stream().anyMatch(Expr::containsAggregate);
    }

    /** Whether this tree has any multi-valued join (rows may repeat). */
    public boolean hasMultiValuedJoin() {
        return joins.stream().anyMatch(j -> j.step().multiValued());
    }

    /** Resolves aggregates for {@code aggregate()}: their expressions against this tree, and the tree they join into. */
    public Map.Entry<QueryTree, Map<String, Expr>> resolveAggregates(Map<String, Aggregate> aggregates) {
        QueryTree t = copy();
        Map<String, Expr> out = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> out.put(alias,
                new AggregateExpr(agg.function(), t.resolveExpr(agg.path(), "aggregate"), agg.isDistinct())));
        return Map.entry(t, Collections.unmodifiableMap(out));
    }
}
