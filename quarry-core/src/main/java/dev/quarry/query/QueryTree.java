package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.QueryError;
import dev.quarry.expr.Aggregate;
import dev.quarry.expr.Expression;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.lookup.LookupRegistry;
import dev.quarry.spi.FieldType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable, resolved form of a QuerySet: joins, WHERE and HAVING trees, annotations,
 * ordering, paging, values and select_related, resolved against one Quarry's {@link Registry}.
 * Every method returns a new tree; lookup strings and expressions are resolved as they are added,
 * so a bad one fails before any SQL exists. The work is done by helpers that change only fresh
 * copies (hence the package-private fields): {@link PathResolver} (paths to columns),
 * {@link JoinList} (join reuse, INNER or LEFT), {@link WhereBuilder} (conditions, exclude),
 * {@link ExpressionResolver} (expressions), {@link Annotator} (annotate, alias), {@link AggregatePlanner} (aggregate) and
 * {@link TreeShape} (ordering and values); {@link SelectRelatedPlan} plans select_related.
 */
public final class QueryTree {
    final Registry registry;
    final ModelMeta model;
    final char prefix;
    final String rootAlias;
    /** The enclosing tree while this one is resolved as its subquery ({@code OuterRef} resolves there), or {@code null}. */
    final QueryTree outer;
    JoinList joins;
    Where where;
    Where having;
    /** Conditions on window annotations, applied around the query ({@code SELECT * FROM (...) WHERE ...}). */
    Where qualify;
    Map<String, Expr> annotations = Map.of();
    /** Annotations made with {@code alias()}: usable, never selected. */
    Set<String> hidden = Set.of();
    List<OrderTerm> ordering = List.of();
    boolean defaultOrdering = true;
    Long limit;
    long offset;
    boolean distinct;
    Map<String, Expr> values;
    boolean groupByValues;
    /** The grouping fixed by {@code values(...).annotate(aggregate)}, kept when values are selected again; {@code null} until then. */
    List<Expr> groupBy;
    List<SelectRelatedNode> selectRelated = List.of();
    int groups;
    List<Col> extraColumns = List.of();
    /** Expressions selected last under their aliases (the inputs of an aggregate over this query as a subquery). */
    Map<String, Expr> wrappedInputs = Map.of();
    RowLock lock;
    /** The refusal of a default ordering that loops through relations, thrown when the ordering is used. */
    FieldError orderingLoop;
    /** The first unresolved {@code OuterRef} path, when built outside its enclosing query; {@code null} when none. */
    String outerRef;

    /** A tree with no steps, or a copy of {@code from}'s alias and joins (its other fields are copied by {@link #copy}). */
    private QueryTree(Registry registry, ModelMeta model, char prefix, QueryTree outer, QueryTree from) {
        this.registry = registry;
        this.model = model;
        this.prefix = prefix;
        this.outer = outer;
        this.rootAlias = from != null ? from.rootAlias : prefix == 0 ? model.table() : prefix + "0";
        this.joins = from != null ? from.joins : JoinList.empty(prefix, rootAlias);
    }

    /** A tree selecting every row of the model, in its default ordering. */
    public static QueryTree of(Registry registry, ModelMeta model) {
        return withDefaultOrdering(withParents(new QueryTree(registry, model, (char) 0, null, null)));
    }

    /** A multi-table child's tree joins its parents, whose columns every instance holds ({@link SelectRelatedPlan#parents}). */
    private static QueryTree withParents(QueryTree t) {
        if (t.model.parent() != null) {
            SelectRelatedPlan plan = new SelectRelatedPlan(t.joins, t.registry);
            t.selectRelated = plan.parents(t.rootAlias, t.model);
            t.joins = plan.joins();
        }
        return t;
    }

    private static QueryTree withDefaultOrdering(QueryTree t) {
        if (!t.model.ordering().isEmpty()) {
            try {
                t = t.orderBy(t.model.ordering().stream().map(Ordering::parse).toList());
            } catch (FieldError e) {
                if (!RelationOrdering.isLoop(e)) {
                    throw e;
                }
                // As Django: a default ordering that loops fails the queries that order, not count() or writes.
                t.orderingLoop = e;
            }
            t.defaultOrdering = true;
        }
        return t;
    }

    /**
     * A tree of {@code meta} to be resolved as a subquery of this one: its aliases cannot clash with
     * this tree's, and its {@code OuterRef}s resolve against this tree (adding joins to it).
     */
    public QueryTree nested(ModelMeta meta) {
        return withDefaultOrdering(withParents(new QueryTree(registry, meta, nextPrefix(), this, null)));
    }

    private char nextPrefix() {
        return prefix == 0 ? 'U' : (char) (prefix + 1);
    }

    QueryTree copy() {
        QueryTree t = new QueryTree(registry, model, prefix, outer, this);
        t.where = where;
        t.having = having;
        t.qualify = qualify;
        t.annotations = annotations;
        t.hidden = hidden;
        t.ordering = ordering;
        t.defaultOrdering = defaultOrdering;
        t.limit = limit;
        t.offset = offset;
        t.distinct = distinct;
        t.values = values;
        t.groupByValues = groupByValues;
        t.groupBy = groupBy;
        t.selectRelated = selectRelated;
        t.groups = groups;
        t.extraColumns = extraColumns;
        t.wrappedInputs = wrappedInputs;
        t.lock = lock;
        t.outerRef = outerRef;
        t.orderingLoop = orderingLoop;
        return t;
    }

    /** An empty tree of the same model for a subquery, with aliases that cannot clash with this tree's. */
    QueryTree subquery() {
        return new QueryTree(registry, model, nextPrefix(), outer, null);
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

    /** Whether no row can match (a condition such as {@code in} with an empty list): then no SQL need run. */
    public boolean matchesNothing() {
        return where instanceof Where.Constant c && !c.value();
    }

    // ----- annotations and expressions -----

    /** Adds an expression under an alias, selected with each row; a later filter on the alias becomes HAVING when it aggregates. */
    public QueryTree annotate(String alias, Expression<?> expression) {
        checkNotSliced("annotate");
        return Annotator.annotate(this, alias, expression, false);
    }

    /** Adds an expression under an alias that filters, orders and other expressions may use, but that is not selected. */
    public QueryTree alias(String alias, Expression<?> expression) {
        checkNotSliced("alias");
        return Annotator.annotate(this, alias, expression, true);
    }

    /** Resolves aggregates for {@code aggregate()}: the queries that compute them and how to read them. */
    public AggregateQuery aggregate(Map<String, ? extends Aggregate<?>> aggregates) {
        return AggregatePlanner.plan(this, aggregates);
    }

    /**
     * The expressions of an {@code update(...)} or a {@code save()}, by column: each resolved against
     * this tree's model, refusing joins, aggregates and windows, and checked against its field.
     */
    public Map<FieldMeta, Expr> resolveForWrite(Map<FieldMeta, Expression<?>> expressions, String context) {
        return ExpressionResolver.forWrite(copy(), expressions, context);
    }

    // ----- ordering -----

    /** Orders by these terms, replacing any ordering (an empty list clears it, the default one too). */
    public QueryTree orderBy(List<Ordering> terms) {
        checkNotSliced("orderBy");
        return TreeShape.orderBy(this, terms);
    }

    /** The tree without any ordering, the model's default included (Django's {@code order_by()}). */
    public QueryTree unordered() {
        checkNotSliced("unordered");
        return orderBy(List.of());
    }

    /** The same tree ordered the other way; an unordered tree is ordered by primary key first. */
    public QueryTree reverseOrdering() {
        checkNotSliced("reverse");
        if (orderingLoop != null) {
            throw orderingLoop;
        }
        QueryTree t = ordering.isEmpty() ? orderBy(List.of(Ordering.asc("pk"))) : copy();
        t.ordering = t.ordering.stream().map(OrderTerm::reversed).toList();
        return t;
    }

    /** A tree whose WHERE is this tree's, without ordering (counts, UPDATE, DELETE). */
    public QueryTree withoutOrdering() {
        QueryTree t = copy();
        t.ordering = List.of();
        t.defaultOrdering = false;
        t.orderingLoop = null;
        return t;
    }

    // ----- paging -----

    /** At most {@code n} rows (not null), replacing any limit; the offset is unchanged. */
    public QueryTree withLimit(Long n) {
        QueryTree t = copy();
        t.limit = java.util.Objects.requireNonNull(n, "limit");
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

    void checkNotSliced(String what) {
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
        return TreeShape.values(this, paths);
    }

    /** Loads these forward foreign keys in the same query; no paths means every non-null one. */
    public QueryTree selectRelated(List<String> paths) {
        if (values != null) {
            throw new QueryError("selectRelated cannot be combined with values(); select the related fields by path instead");
        }
        QueryTree t = copy();
        SelectRelatedPlan plan = new SelectRelatedPlan(t.joins, t.registry);
        t.selectRelated = plan.add(selectRelated, rootAlias, model, paths);
        t.joins = plan.joins();
        return t;
    }

    /**
     * Rows of this model reached through a many-to-many table from any of {@code keys} ({@code null}:
     * from any row): joins the through table on {@code targetColumn} and selects its {@code sourceColumn}
     * as an extra last column, so a prefetch can tell which owner each row belongs to.
     */
    public QueryTree prefetchThrough(String throughTable, String targetColumn, String sourceColumn,
                                     FieldType sourceType, List<?> keys) {
        QueryTree t = copy();
        JoinList.Joined j = joins.joinNew(rootAlias,
                new dev.quarry.model.JoinStep(throughTable, model.pk().column(), targetColumn, true, false));
        t.joins = j.joins();
        Col source = new Col(j.alias(), sourceColumn, sourceType, null, false);
        t.where = keys == null ? where : WhereBuilder.and(where, new Where.Condition(source, LookupRegistry.lookup("in"),
                LookupRegistry.lookup("in").prepare(keys, sourceType, throughTable + "." + sourceColumn)));
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

    /** The condition on window annotations, applied around the query, or {@code null}. */
    public Where qualify() {
        return qualify;
    }

    /** The annotations by alias, those made by {@code alias()} included. */
    public Map<String, Expr> annotations() {
        return annotations;
    }

    /** The annotations selected with each row, by alias (those of {@code alias()} left out). */
    public Map<String, Expr> selectedAnnotations() {
        if (hidden.isEmpty()) {
            return annotations;
        }
        Map<String, Expr> out = new LinkedHashMap<>(annotations);
        out.keySet().removeAll(hidden);
        return Collections.unmodifiableMap(out);
    }

    /** Whether {@code alias} names an annotation made by {@code alias()}, which is not selected. */
    public boolean isHidden(String alias) {
        return hidden.contains(alias);
    }

    /** The ORDER BY terms. */
    public List<OrderTerm> ordering() {
        if (orderingLoop != null) {
            throw orderingLoop;
        }
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

    /** The grouping fixed by {@code values(...).annotate(aggregate)} (kept by a later {@code values()}), or {@code null}. */
    public List<Expr> groupBy() {
        return groupBy;
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

    /** Expressions selected after everything else under their aliases (inputs of an aggregate over this query). */
    public Map<String, Expr> wrappedInputs() {
        return wrappedInputs;
    }

    /** How the SELECT locks the rows it reads ({@code selectForUpdate}), or {@code null}. */
    public RowLock lock() {
        return lock;
    }

    /**
     * Refuses a tree that refers to an enclosing query ({@code OuterRef}) but runs on its own, before
     * any SQL; every terminal call checks it.
     */
    public void checkRunnable() {
        if (outerRef != null) {
            throw dev.quarry.query.expr.OuterRefExpr.unresolved(outerRef);
        }
    }

    /** Whether any annotation is an aggregate, so the query needs GROUP BY. */
    public boolean isAggregated() {
        for (Expr e : annotations.values()) {
            if (e.containsAggregate()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this tree has any multi-valued join (rows may repeat). */
    public boolean hasMultiValuedJoin() {
        return joins.hasMultiValued();
    }

    /** The annotation {@code alias} as a reference, or {@code null} when there is none. */
    AnnotationRef annotationRef(String alias) {
        Expr e = annotations.get(alias);
        return e == null ? null : new AnnotationRef(alias, e);
    }
}
