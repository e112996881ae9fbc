package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.model.FieldMeta;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.RandomExpr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a query selects and in which order: {@code orderBy} terms (paths, expressions, {@code "?"}) and {@code values}. */
final class TreeShape {
    private TreeShape() {}

    static QueryTree orderBy(QueryTree base, List<Ordering> terms) {
        QueryTree t = base.copy();
        List<OrderTerm> out = new ArrayList<>();
        for (Ordering o : RelationOrdering.expand(t, terms)) {
            Expr e;
            String annotation = null;
            if (o.expression() != null) {
                e = ExpressionResolver.resolve(t, o.expression(), ExpressionResolver.Scope.select("orderBy"));
            } else if (o.path().equals("?")) {
                e = new RandomExpr();
            } else {
                e = PathResolver.resolve(t, o.path(), "orderBy", JoinList.NO_GROUP, false);
                annotation = e instanceof AnnotationRef r ? r.alias() : null;
            }
            out.add(new OrderTerm(e, annotation, o.descending(), OrderTerm.nulls(o.nulls())));
        }
        t.ordering = List.copyOf(out);
        t.defaultOrdering = false;
        t.orderingLoop = null;
        return t;
    }

    static QueryTree values(QueryTree base, List<String> paths) {
        QueryTree t = base.copy();
        Map<String, Expr> v = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            for (FieldMeta f : base.model.allFields()) {
                // A multi-table parent's field is read from its joined table (Django: the parents' fields come first).
                v.put(f.isForeignKey() || f.isParentLink() ? f.column() : f.queryName(), base.model.fields().contains(f)
                        ? Col.of(base.rootAlias, f) : PathResolver.resolve(t, f.queryName(), "values", JoinList.NO_GROUP, false));
            }
            base.selectedAnnotations().forEach((k, e) -> v.put(k, new AnnotationRef(k, e)));
        } else {
            for (String p : paths) {
                if (base.hidden.contains(p)) {
                    throw new FieldError(base.model.type(), p, "Cannot select the '" + p + "' alias of " + base.model.name()
                            + ": alias() is not selected. Use annotate() to select it");
                }
                v.put(p, PathResolver.resolve(t, p, "values", JoinList.NO_GROUP, false));
            }
        }
        t.values = Collections.unmodifiableMap(v);
        return t;
    }
}
