package dev.quarry.query;

import dev.quarry.expr.Functions;
import dev.quarry.expr.Window;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.WindowExpr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A slice per owner for a prefetch ({@code Prefetch.of("books", Book.objects.orderBy("-published_date").limit(2))}):
 * the tree's limit and offset become a condition on {@code ROW_NUMBER() OVER (PARTITION BY owner
 * ORDER BY the tree's ordering)}, computed in a wrapped query, so that every owner gets its own
 * first rows in one query (what Django 4.2 does; Django 3.2 refuses a sliced Prefetch).
 */
public final class PerParentSlice {
    /** The hidden alias of the row number. */
    static final String ROW = "quarry_prefetch_row";

    private PerParentSlice() {}

    /** The tree without its slice, to be filtered on the owners and then given the slice back per owner. */
    public static QueryTree unsliced(QueryTree sliced) {
        QueryTree t = sliced.copy();
        t.limit = null;
        t.offset = 0;
        return t;
    }

    /** The slice of {@code sliced} applied per value of the foreign key {@code ownerKey} of {@code tree}'s model. */
    public static QueryTree byForeignKey(QueryTree tree, QueryTree sliced, dev.quarry.model.FieldMeta ownerKey) {
        return apply(tree, sliced, Col.of(tree.rootAlias, ownerKey));
    }

    /** The slice of {@code sliced} applied per value of the extra column a many-to-many prefetch selects. */
    public static QueryTree byThroughColumn(QueryTree tree, QueryTree sliced) {
        return apply(tree, sliced, tree.extraColumns.get(tree.extraColumns.size() - 1));
    }

    private static QueryTree apply(QueryTree tree, QueryTree sliced, Expr partition) {
        // An unordered slice is taken in primary key order, and the rows come back in that order too.
        QueryTree ordered = tree.ordering.isEmpty() ? tree.orderBy(List.of(dev.quarry.Ordering.asc("pk"))) : tree;
        // The row number is resolved as a window first, then given its partition and ordering as resolved columns.
        QueryTree t = Annotator.annotate(ordered, ROW, Window.of(Functions.rowNumber()), true);
        WindowExpr w = (WindowExpr) t.annotations.get(ROW);
        Map<String, Expr> a = new LinkedHashMap<>(t.annotations);
        a.put(ROW, new WindowExpr(w.function(), List.of(partition), ordered.ordering, null));
        t.annotations = java.util.Collections.unmodifiableMap(a);
        t = t.filter(new Condition.Leaf(ROW + "__gt", sliced.offset));
        if (sliced.limit != null) {
            t = t.filter(new Condition.Leaf(ROW + "__lte", sliced.offset + sliced.limit));
        }
        return t;
    }
}
