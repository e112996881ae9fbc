package dev.quarry;

import dev.quarry.expr.Expression;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.QueryTree;
import dev.quarry.query.expr.Expr;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link Model#assign}: checks an assigned expression, resolves it for a save, and reads the saved value back. */
final class Assignments {
    private Assignments() {}

    static FieldMeta check(Model m, String field, Expression<?> expression) {
        ModelMeta meta = ModelMeta.of(m.getClass());
        FieldMeta f = field == null ? null : meta.field(field);
        if (f == null || meta.manyToMany(field) != null) {
            throw new FieldError(m.getClass(), field, String.format("assign(%s, ...) on %s: not a concrete field. Choices "
                    + "are: %s", dev.quarry.internal.Excerpt.of(field), meta.name(),
                    String.join(", ", meta.fields().stream().skip(1).map(FieldMeta::queryName).toList())));
        }
        if (f.primaryKey()) {
            throw new FieldError(m.getClass(), field, "assign() on " + meta.name() + " cannot set the primary key");
        }
        if (expression == null) {
            throw new QueryError("assign(\"" + field + "\", ...) on " + meta.name() + " needs an expression; set the field "
                    + "itself for a value");
        }
        return f;
    }

    /** The assigned expressions of the fields written ({@code only}, or all when {@code null}), resolved against the model. */
    static Map<FieldMeta, Expr> resolve(Quarry q, Model m, Map<String, Expression<?>> assigned, List<FieldMeta> only) {
        ModelMeta meta = q.registry().meta(m.getClass());
        Map<FieldMeta, Expression<?>> picked = new LinkedHashMap<>();
        assigned.forEach((name, e) -> {
            FieldMeta f = meta.field(name);
            if (only == null || only.contains(f)) {
                picked.put(f, e);
            }
        });
        return picked.isEmpty() ? Map.of() : QueryTree.of(q.registry(), meta).resolveForWrite(picked, "save()");
    }

    /** Reads the saved values of {@code fields} back into the instance, in one query on the database it was saved to. */
    static void readBack(Quarry q, String database, Model m, Collection<FieldMeta> fields) {
        if (fields.isEmpty()) {
            return;
        }
        String[] names = fields.stream().map(FieldMeta::name).toArray(String[]::new);
        Map<String, Object> row = Manager.of(m.getClass()).using(q).filter("pk", m.pk()).using(database).values(names).get();
        for (FieldMeta f : fields) {
            Object v = row.get(f.name());
            if (f.isForeignKey()) {
                ((Ref<?>) f.get(m)).assignId(v);
            } else if (v != null || !f.primitive()) {
                f.set(m, dev.quarry.model.FieldValues.forField(f, v));
            }
        }
    }
}
