package dev.quarry.persist;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.db.Database;
import dev.quarry.expr.Expression;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.Condition;
import dev.quarry.query.QueryTree;
import dev.quarry.query.lookup.Values;
import dev.quarry.sql.UpdateCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code QuerySet.update(...)}: checks the fields and values, then one UPDATE of every matching row. */
public final class Updater {
    private Updater() {}

    /**
     * Sets these fields (by Java or snake_case name) on every row the tree matches, each to a value or an
     * expression ({@code F.of("stock").minus(1)}), in one UPDATE; returns the number of rows (none, without
     * SQL, when the tree can match no row).
     */
    public static int update(Database db, QueryTree tree, Map<String, ?> fieldValues) {
        if (fieldValues.isEmpty()) {
            throw new FieldError(tree.model().type(), null, "update() on " + tree.model().name()
                    + " needs at least one field and value");
        }
        ModelMeta meta = tree.model();
        if (meta.parent() != null && fieldValues.keySet().stream().anyMatch(n -> meta.field(n) == null)) {
            return acrossTables(db, tree, fieldValues);
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        Map<FieldMeta, Expression<?>> expressions = new LinkedHashMap<>();
        fieldValues.forEach((name, value) -> {
            FieldMeta f = meta.requireField(name);
            if (f.primaryKey()) {
                throw new FieldError(meta.type(), name, "update() cannot change the primary key " + f
                        + "; create a new row instead");
            }
            if (value instanceof Expression<?> e) {
                // update("stock", F.of("stock").minus(1)): written as SQL, in the same UPDATE.
                columns.put(f.column(), null);
                expressions.put(f, e);
                return;
            }
            if (value == null && !f.nullable()) {
                throw new InvalidValueError(meta.type(), f.name(), f + " is not nullable; update() cannot set it to null");
            }
            // Converted as assignment is (create(Map)), strictly: 2.5 for an integer field is refused, where
            // PostgreSQL and MariaDB would round it and SQLite store it as it is.
            Object converted = f.isForeignKey() ? Values.coerce(value, f.type(), f.toString(), "update")
                    : FieldValues.forField(f, value);
            columns.put(f.column(), FieldValues.forColumn(f, converted, db.backend().features()));
        });
        tree.resolveForWrite(expressions, "update").forEach((f, e) -> columns.put(f.column(), e));
        if (tree.matchesNothing()) {
            return 0;
        }
        // A versioned model's version rises with every write, so instances loaded before it are stale.
        FieldMeta version = meta.versionField();
        if (version != null && columns.containsKey(version.column())) {
            throw new FieldError(meta.type(), version.name(), "update() raises " + meta.name() + "." + version.name()
                    + " by itself (it is the version field); leave it out");
        }
        return db.update(new UpdateCompiler(db.backend().operations(), db.backend().features()).updateMatching(tree, columns,
                version == null ? null : version.column()));
    }

    /**
     * An update of a multi-table child that sets fields of its parents (Django's related updates): the keys of
     * the matching rows first, then one UPDATE per table holding some of the fields, the child's first, in one
     * transaction. Returns the number of matching rows.
     */
    private static int acrossTables(Database db, QueryTree tree, Map<String, ?> fieldValues) {
        ModelMeta meta = tree.model();
        Map<ModelMeta, Map<String, Object>> byTable = new LinkedHashMap<>();
        fieldValues.forEach((name, value) -> {
            FieldMeta f = meta.anyField(name);
            if (f == null) {
                meta.requireField(name); // the message lists the choices
            }
            byTable.computeIfAbsent(meta.field(name) != null ? meta : f.model(), m -> new LinkedHashMap<>()).put(name, value);
        });
        return db.atomic(() -> {
            List<Object> keys = dev.quarry.load.Loader.keys(db, tree);
            if (keys.isEmpty()) {
                return 0;
            }
            int n = keys.size();
            for (ModelMeta m = meta; m != null; m = m.parent()) { // the child's table first, as Django
                Map<String, Object> values = byTable.get(m);
                if (values != null) {
                    int updated = update(db, QueryTree.of(tree.registry(), m).filter(new Condition.Leaf("pk__in", keys)), values);
                    n = m == meta ? updated : n;
                }
            }
            return n;
        });
    }
}
