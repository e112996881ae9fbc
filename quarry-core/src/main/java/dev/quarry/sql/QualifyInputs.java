package dev.quarry.sql;

import dev.quarry.query.Where;
import dev.quarry.query.expr.AnnotationRef;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a condition on window annotations reads, which the wrapped query must select for the
 * condition around it ({@code SELECT * FROM (...) "qualify" WHERE ...}) to see: the annotations it
 * names, and the plain columns beside them ({@code Q.of("rank", 1).or(Q.of("salary", 80))}).
 *
 * @param annotations the aliases of the annotations it names
 * @param columns the columns it compares, by {@code alias.column}
 */
record QualifyInputs(Set<String> annotations, Map<String, Col> columns) {
    /** The inputs of {@code w} ({@code null}: none). */
    static QualifyInputs of(Where w) {
        QualifyInputs in = new QualifyInputs(new LinkedHashSet<>(), new LinkedHashMap<>());
        if (w != null) {
            in.add(w);
        }
        return in;
    }

    /** The name the wrapped query selects column {@code alias.column} as, or {@code null} when it does not. */
    String columnName(String alias, String column) {
        int i = new ArrayList<>(columns.keySet()).indexOf(alias + "." + column);
        return i < 0 ? null : "__q" + (i + 1);
    }

    /** The columns in the order of their names ({@code __q1, __q2, ...}). */
    List<Col> orderedColumns() {
        return new ArrayList<>(columns.values());
    }

    private void add(Where w) {
        if (w instanceof Where.And a) {
            a.children().forEach(this::add);
        } else if (w instanceof Where.Or o) {
            o.children().forEach(this::add);
        } else if (w instanceof Where.Not n) {
            add(n.child());
        } else if (w instanceof Where.Condition c) {
            add(c.lhs());
            if (c.value() instanceof Expr v) {
                add(v);
            }
        } else if (w instanceof Where.Holds h) {
            add(h.expression());
        } else if (w instanceof Where.ColumnsEqual e) {
            add(e.left());
            add(e.right());
        }
    }

    private void add(Expr e) {
        if (e instanceof AnnotationRef r) {
            annotations.add(r.alias());
        } else if (e instanceof Col c) {
            columns.putIfAbsent(c.alias() + "." + c.column(), c);
        } else {
            e.children().forEach(this::add);
        }
    }
}
