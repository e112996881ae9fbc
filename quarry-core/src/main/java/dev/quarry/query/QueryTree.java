package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.QueryError;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.expr.AggregateExpr;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.DatePartExpr;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.SubqueryAggregate;
import dev.quarry.query.lookup.LookupRegistry;
import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.NullsOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The immutable, resolved form of a QuerySet: joins, WHERE and HAVING trees, annotations,
 * ordering, paging, values and select_related, resolved against one Quarry's {@link Registry}.
 * Every method returns a new tree; lookup strings are resolved here, so a bad one fails before
 * any SQL exists. Conditions are built by {@link WhereBuilder}, join reuse and INNER/LEFT choices
 * live in {@link JoinList}, path splitting in {@link ParsedPath}, lookup tails in {@link Lookups},
 * select_related planning in {@link SelectRelatedPlan}. Fields are package-private for those
 * helpers, which change only fresh copies.
 */
public final class QueryTree {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    final Registry registry;
    final ModelMeta model;
    private final char prefix;
    final String rootAlias;
    JoinList joins;
    Where where;
    Where having;
    Map<String, Expr> annotations = Map.of();
    private List<OrderTerm> ordering = List.of();
    private boolean defaultOrdering = true;
    private Long limit;
    private long offset;
    private boolean distinct;
    private Map<String, Expr> values;
    private boolean groupByValues;
    private List<SelectRelatedNode> selectRelated = List.of();
    int groups;
    private List<Col> extraColumns = List.of();
    private RowLock lock;

    private QueryTree(Registry registry, ModelMeta model, char prefix) {
        this.registry = registry;
        this.model = model;
        this.prefix = prefix;
        this.rootAlias = prefix == 0 ? model.table() : prefix + "0";
        this.joins = JoinList.empty(prefix, rootAlias);
    }

    /** A tree selecting every row of the model, in its default ordering. */
    public static QueryTree of(Registry registry, ModelMeta model) {
        QueryTree t = new QueryTree(registry, model, (char) 0);
        if (!model.ordering().isEmpty()) {
            t = t.orderBy(model.ordering().stream().map(Ordering::parse).toList());
            t.defaultOrdering = true;
        }
        return t;
    }

    QueryTree copy() {
        QueryTree t = new QueryTree(registry, model, prefix);
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
        t.lock = lock;
        return t;
    }

    /** An empty tree of the same model for a subquery, with aliases that cannot clash with this tree's. */
    QueryTree subquery() {
        return new QueryTree(registry, model, prefix == 0 ? 'U' : (char) (prefix + 1));
    }

    // ----- conditions -----

    /** Rows matching {@code c}; its conditions on a multi-valued relation refer to one related row. */
    public QueryTree filter(Condition c) {
        checkNotSliced("filter");
        if (c.isEmpty()) {
            return this;
        }
        QueryTree t = copy();
        t.groups++;
        WhereBuilder.add(t, WhereBuilder.build(t, c, t.groups, false));
        return t;
    }

    /** Rows not matching {@code c}: the exact complement of {@code filter(c)}. */
    public QueryTree exclude(Condition c) {
        checkNotSliced("exclude");
        if (c.isEmpty()) {
            return this;
        }
        QueryTree t = copy();
        t.groups++;
        WhereBuilder.add(t, WhereBuilder.negation(t, c, t.groups));
        return t;
    }

    /** Rows whose key is in a many-to-many table row that refers to {@code ownerKey}. */
    public QueryTree filterThrough(String throughTable, String selectColumn, String whereColumn, Object ownerKey) {
        QueryTree t = copy();
        WhereBuilder.add(t, new Where.InThrough(Col.of(rootAlias, model.pk()), throughTable, selectColumn, whereColumn, ownerKey));
        return t;
    }

    // ----- annotations and expressions -----

    /** Adds an expression under an alias; a later filter on the alias becomes HAVING when it aggregates. */
    public QueryTree annotate(String alias, Expression<?> expression) {
        checkNotSliced("annotate");
        checkAlias(alias);
        if (model.field(alias) != null || registry.hop(model, alias) != null) {
            throw new FieldError(model.type(), alias, "The annotation '" + alias + "' conflicts with a field on "
                    + model.name() + "; choose another alias");
        }
        if (annotations.containsKey(alias)) {
            throw new FieldError(model.type(), alias, "The annotation '" + alias + "' is already defined on this query");
        }
        Aggregate<?> aggregate = aggregateOf(expression, "annotate");
        QueryTree t = copy();
        Expr arg = t.resolveExpr(aggregate.path(), "annotate");
        Expr value = typed(new AggregateExpr(aggregate.function(), arg, aggregate.isDistinct()), aggregate, "annotate");
        if (t.joins.addsMultiValued(joins.size()) && joins.hasUngroupedMultiValued()) {
            // Another multi-valued join made by annotate (or orderBy/values) is there already:
            // joining one more would multiply the rows each aggregates over (Django's #10060), so
            // this aggregate gets its own subquery. Joins made by filter() are reused as Django
            // does, so that annotate() after filter() aggregates only the filtered rows.
            t = copy();
            QueryTree sub = subquery();
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

    private void checkAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches() || alias.contains("__")) {
            throw new FieldError(model.type(), alias, String.format("Invalid annotation alias %s on %s: use letters, digits "
                    + "and single underscores, starting with a letter (as a Java identifier without '__')",
                    dev.quarry.internal.Excerpt.of(alias), model.name()));
        }
    }

    private static Aggregate<?> aggregateOf(Expression<?> e, String where) {
        if (e instanceof Aggregate<?> a) {
            return a;
        }
        throw new QueryError(where + "() takes an aggregate (count, avg, sum, min, max) in this version; got "
                + (e == null ? "null" : e.getClass().getSimpleName()));
    }

    private Expr typed(AggregateExpr e, Aggregate<?> aggregate, String where) {
        ValueTypes.check(model.type(), e.outputType(), aggregate.type(), aggregate.path(), where + " on " + model.name()
                + " (" + aggregate + ")");
        return e;
    }

    /** Resolves a path to a column (joining with LEFT OUTER where rows could be lost) or an annotation. */
    private Expr resolveExpr(String path, String context) {
        if (annotations.containsKey(path)) {
            return new AnnotationRef(path, annotations.get(path));
        }
        ParsedPath parsed = ParsedPath.parse(registry, model, path);
        DatePart part = null;
        if (!parsed.rest().isEmpty()) {
            part = parsed.rest().size() == 1 ? LookupRegistry.transform(parsed.rest().get(0)) : null;
            if (part == null) {
                throw new FieldError(parsed.field().model().type(), String.join("__", parsed.rest()), String.format(
                        "Cannot resolve '%s' in %s: '%s' is not a field of %s", path, context,
                        String.join("__", parsed.rest()), parsed.field().model().name()));
            }
        }
        JoinList.Joined j = joins.join(parsed.hops(), JoinList.NO_GROUP, false);
        joins = j.joins();
        Col col = Col.of(j.alias(), parsed.field());
        return part == null ? col : new DatePartExpr(part, col);
    }

    /** Resolves aggregates for {@code aggregate()}: their expressions against this tree, and the tree they join into. */
    public Map.Entry<QueryTree, Map<String, Expr>> resolveAggregates(Map<String, ? extends Aggregate<?>> aggregates) {
        QueryTree t = copy();
        Map<String, Expr> out = new LinkedHashMap<>();
        for (String alias : aggregates.keySet()) {
            // An aggregate alias only names a result (Django's default is "rating__avg"), so "__" is fine here.
            if (alias == null || !ALIAS.matcher(alias).matches()) {
                throw new FieldError(model.type(), alias, String.format("Invalid aggregate alias %s on %s: use letters, "
                        + "digits and underscores, starting with a letter", dev.quarry.internal.Excerpt.of(alias), model.name()));
            }
        }
        aggregates.forEach((alias, agg) -> out.put(alias, t.typed(new AggregateExpr(agg.function(),
                t.resolveExpr(agg.path(), "aggregate"), agg.isDistinct()), agg, "aggregate")));
        return Map.entry(t, Collections.unmodifiableMap(out));
    }

    // ----- ordering -----

    /** Orders by these terms, replacing any ordering (an empty list clears it, the default one too). */
    public QueryTree orderBy(List<Ordering> terms) {
        checkNotSliced("orderBy");
        QueryTree t = copy();
        List<OrderTerm> out = new ArrayList<>();
        for (Ordering o : terms) {
            Expr e = t.resolveExpr(o.path(), "orderBy");
            String annotation = e instanceof AnnotationRef r ? r.alias() : null;
            out.add(new OrderTerm(e, annotation, o.descending(), NullsOrder.valueOf(o.nulls().name())));
        }
        t.ordering = List.copyOf(out);
        t.defaultOrdering = false;
        return t;
    }

    /** The tree without any ordering, the model's default included (Django's {@code order_by()}). */
    public QueryTree unordered() {
        checkNotSliced("unordered");
        return orderBy(List.of());
    }

    /** The same tree ordered the other way; an unordered tree is ordered by primary key first. */
    public QueryTree reverseOrdering() {
        checkNotSliced("reverse");
        QueryTree t = ordering.isEmpty() ? orderBy(List.of(Ordering.asc("pk"))) : copy();
        t.ordering = t.ordering.stream().map(OrderTerm::reversed).toList();
        return t;
    }

    /** A tree whose WHERE is this tree's, without ordering (counts, UPDATE, DELETE). */
    public QueryTree withoutOrdering() {
        QueryTree t = copy();
        t.ordering = List.of();
        t.defaultOrdering = false;
        return t;
    }

    // ----- paging -----

    /** At most {@code n} rows, replacing any limit; the offset is unchanged. */
    public QueryTree withLimit(long n) {
        QueryTree t = copy();
        t.limit = n;
        return t;
    }

    /** Skips the first {@code n} rows, replacing any offset; the limit is unchanged. */
    public QueryTree withOffset(long n) {
        QueryTree t = copy();
        t.offset = n;
        return t;
    }

    /** Rows {@code from} to {@code to} (exclusive) of the current window, as Python's {@code [from:to]} composes. */
    public QueryTree slice(long from, long to) {
        QueryTree t = copy();
        long start = offset + from;
        long end = offset + to;
        if (limit != null) {
            end = Math.min(end, offset + limit);
        }
        t.offset = start;
        t.limit = Math.max(0, end - start);
        return t;
    }

    /** Whether a limit or an offset has been set. */
    public boolean isSliced() {
        return limit != null || offset != 0;
    }

    private void checkNotSliced(String what) {
        if (isSliced()) {
            throw new QueryError("Cannot " + what + " a query once limit, offset or slice has been applied; call "
                    + what + "() before them");
        }
    }

    // ----- shape -----

    /** Removes duplicate rows. */
    public QueryTree distinct() {
        checkNotSliced("distinct");
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
            annotations.forEach((k, e) -> v.put(k, new AnnotationRef(k, e)));
        } else {
            for (String p : paths) {
                v.put(p, t.resolveExpr(p, "values"));
            }
        }
        t.values = Collections.unmodifiableMap(v);
        return t;
    }

    /** Loads these forward foreign keys in the same query; no paths means every non-null one. */
    public QueryTree selectRelated(List<String> paths) {
        if (values != null) {
            throw new QueryError("selectRelated cannot be combined with values(); select the related fields by path instead");
        }
        QueryTree t = copy();
        SelectRelatedPlan plan = new SelectRelatedPlan(t.joins);
        t.selectRelated = plan.add(selectRelated, rootAlias, model, paths);
        t.joins = plan.joins();
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
        JoinList.Joined j = joins.joinNew(rootAlias,
                new dev.quarry.model.JoinStep(throughTable, model.pk().column(), targetColumn, true, false));
        t.joins = j.joins();
        Col source = new Col(j.alias(), sourceColumn, sourceType, null, false);
        t.where = WhereBuilder.and(where, new Where.Condition(source, LookupRegistry.lookup("in"), List.copyOf(keys)));
        t.extraColumns = List.of(source);
        return t;
    }

    /** The same rows, read with this row lock ({@code null}: none). */
    public QueryTree withLock(RowLock rowLock) {
        QueryTree t = copy();
        t.lock = rowLock;
        return t;
    }

    // ----- reading, for the compiler and the loader -----

    /** The registry this tree was resolved against. */
    public Registry registry() {
        return registry;
    }

    /** The model whose rows the tree selects. */
    public ModelMeta model() {
        return model;
    }

    /** The alias of the model's table. */
    public String rootAlias() {
        return rootAlias;
    }

    /** The joins, in order. */
    public List<Join> joins() {
        return joins.joins();
    }

    /** The WHERE condition, or {@code null}. */
    public Where where() {
        return where;
    }

    /** The HAVING condition, or {@code null}. */
    public Where having() {
        return having;
    }

    /** The annotations by alias. */
    public Map<String, Expr> annotations() {
        return annotations;
    }

    /** The ORDER BY terms. */
    public List<OrderTerm> ordering() {
        return ordering;
    }

    /** Whether the ordering is the model's default rather than one asked for. */
    public boolean hasDefaultOrdering() {
        return defaultOrdering;
    }

    /** The row limit, or {@code null}. */
    public Long limit() {
        return limit;
    }

    /** The rows skipped, or {@code null} when none are. */
    public Long offset() {
        return offset == 0 ? null : offset;
    }

    /** Whether duplicate rows are removed. */
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

    /** The forward foreign keys loaded in the same query. */
    public List<SelectRelatedNode> selectRelated() {
        return selectRelated;
    }

    /** Columns selected after everything else (the owner key of a many-to-many prefetch). */
    public List<Col> extraColumns() {
        return extraColumns;
    }

    /** How the SELECT locks the rows it reads ({@code selectForUpdate}), or {@code null}. */
    public RowLock lock() {
        return lock;
    }

    /** Whether any annotation is an aggregate, so the query needs GROUP BY. */
    public boolean isAggregated() {
        return annotations.values().stream().anyMatch(Expr::containsAggregate);
    }

    /** Whether this tree has any multi-valued join (rows may repeat). */
    public boolean hasMultiValuedJoin() {
        return joins.hasMultiValued();
    }
}
