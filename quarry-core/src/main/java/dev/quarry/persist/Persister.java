package dev.quarry.persist;

import dev.quarry.DatabaseError;
import dev.quarry.Model;
import dev.quarry.QuarryException;
import dev.quarry.QueryError;
import dev.quarry.StaleObjectError;
import dev.quarry.Ref;
import dev.quarry.db.Database;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Feature;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Features;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.InsertCompiler;
import dev.quarry.sql.UpdateCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.quarry.query.expr.Expr;

/**
 * Writes instances: {@code save()} as INSERT (new) or UPDATE (existing), and bulk inserts in
 * batches under the database's parameter limit, setting generated keys where the database
 * returns them.
 */
public final class Persister {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private Persister() {}

    /** Inserts the instance when it has no key, else updates it (inserting when no row has that key). */
    public static void save(Database db, Object instance) {
        save(db, instance, Map.of());
    }

    /**
     * As {@link #save(Database, Object)}, writing these fields as resolved expressions
     * ({@code stock = stock - 1}) instead of the instance's values. An expression only updates: an
     * instance without a key, or whose row is gone, is refused.
     */
    public static void save(Database db, Object instance, Map<FieldMeta, Expr> expressions) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        Object pk = meta.pkValue(instance);
        if (pk == null && !expressions.isEmpty()) {
            throw noRowForExpressions(meta, expressions);
        }
        if (meta.parent() == null) {
            saveTable(db, meta, instance, expressions, false);
            return;
        }
        // Multi-table inheritance (Django's save_parents): the parents' rows first, farthest first, then the
        // child's, which is inserted without trying an UPDATE when its parent's row was just inserted.
        db.atomic(() -> saveWithParents(db, meta, instance, expressions, false));
    }

    /**
     * Inserts the instance, its parents' rows first, without trying an UPDATE even when it has a key (Django's
     * {@code create()}, which saves with {@code force_insert}): a key that exists fails with the database's
     * integrity error instead of overwriting that row.
     */
    public static void insert(Database db, Object instance) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        if (meta.parent() == null) {
            saveTable(db, meta, instance, Map.of(), true);
            return;
        }
        db.atomic(() -> saveWithParents(db, meta, instance, Map.of(), true));
    }

    private static boolean saveWithParents(Database db, ModelMeta meta, Object instance, Map<FieldMeta, Expr> expressions,
                                           boolean force) {
        boolean parentInserted = meta.parent() != null && saveWithParents(db, meta.parent(), instance, expressions, force);
        return saveTable(db, meta, instance, expressions, parentInserted || force);
    }

    /** Writes the instance's row of {@code meta}'s own table; whether it was inserted. */
    private static boolean saveTable(Database db, ModelMeta meta, Object instance, Map<FieldMeta, Expr> expressions,
                                     boolean forceInsert) {
        Object pk = meta.pkValue(instance);
        applyAutoDates(meta, instance, pk == null || forceInsert, null);
        if (pk != null && !forceInsert) {
            FieldMeta version = meta.versionField();
            List<FieldMeta> fields = new ArrayList<>(meta.fields().subList(1, meta.fields().size()));
            fields.remove(version);
            if (fields.isEmpty() && version == null && meta.pk().isParentLink()) {
                fields.add(meta.pk()); // a child with no column of its own: SET key = key tells whether its row exists
            }
            if (!fields.isEmpty() || version != null) {
                if (updateRow(db, meta, instance, pk, fields, expressions) > 0) {
                    ACCESS.setPersisted(instance, true);
                    return false;
                }
            }
            if (!expressions.isEmpty()) {
                throw noRowForExpressions(meta, expressions);
            }
        }
        insert(db, meta, List.of(instance), 0, null, false);
        return true;
    }

    private static QueryError noRowForExpressions(ModelMeta meta, Map<FieldMeta, Expr> expressions) {
        return new QueryError("Cannot save this " + meta.name() + " with an expression assigned to "
                + String.join(", ", expressions.keySet().stream().map(FieldMeta::name).toList()) + ": an expression "
                + "can only update an existing row (this one has no key, or its row is gone). Create the row first, "
                + "then assign(...) and save()");
    }

    /**
     * Updates only {@code fields} of the instance's row ({@code saveOnly}, Django's {@code save(update_fields=...)}):
     * no insert when no row has its key, but a {@link DatabaseError} ("did not affect any rows"), or
     * a {@link StaleObjectError} for a versioned instance loaded from the database. Auto-now fields are
     * set only when listed.
     */
    public static void saveFields(Database db, Object instance, List<FieldMeta> fields) {
        saveFields(db, instance, fields, Map.of());
    }

    /** As {@link #saveFields(Database, Object, List)}, writing these of the fields as resolved expressions. */
    public static void saveFields(Database db, Object instance, List<FieldMeta> fields, Map<FieldMeta, Expr> expressions) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        Object pk = meta.pkValue(instance);
        if (pk == null) {
            throw new QueryError("Cannot save only some fields of a " + meta.name() + " without a primary key: "
                    + "save() it first");
        }
        applyAutoDates(meta, instance, false, fields);
        if (meta.parent() != null) {
            // A multi-table child: one UPDATE per table that holds some of the fields (Django's update_fields).
            int n = db.atomic(() -> {
                int updated = 0;
                for (ModelMeta m = meta.concrete(); m != null; m = m.parent()) {
                    ModelMeta table = m;
                    List<FieldMeta> own = fields.stream().filter(f -> f.model() == table).toList();
                    if (!own.isEmpty()) {
                        updated += updateRow(db, table, instance, pk, own, expressions);
                    }
                }
                return updated;
            });
            if (n > 0) {
                return;
            }
        }
        List<FieldMeta> only = new ArrayList<>(fields);
        only.remove(meta.versionField());
        if (meta.parent() != null || updateRow(db, meta, instance, pk, only, expressions) == 0) { // the child's updated none
            throw new DatabaseError("saveOnly(" + String.join(", ", fields.stream().map(f -> "\"" + f.name() + "\"").toList())
                    + ") of a " + meta.name() + " did not affect any rows: no row has its primary key (deleted, or "
                    + "never saved); use save() to insert it", null, 0, null, null);
        }
    }

    /**
     * {@code UPDATE ... WHERE pk = ?} of these fields; for a versioned model also the version, raised by
     * one, and {@code AND version = ?} with the instance's. Returns the rows updated (0 or 1); a
     * versioned instance loaded from the database that matches no row is stale.
     */
    private static int updateRow(Database db, ModelMeta meta, Object instance, Object pk, List<FieldMeta> fields,
                                 Map<FieldMeta, Expr> expressions) {
        List<String> columns = new ArrayList<>(fields.size() + 1);
        List<Object> values = new ArrayList<>(fields.size() + 1);
        for (FieldMeta f : fields) {
            columns.add(f.column());
            Expr e = expressions.get(f);
            values.add(e != null ? e : dbValue(f, instance, db.backend().features()));
        }
        UpdateCompiler compiler = new UpdateCompiler(db.backend().operations(), db.backend().features());
        FieldMeta version = meta.versionField();
        if (version == null) {
            return db.update(compiler.updateRow(meta.table(), columns, values, meta.pk().column(), pk));
        }
        long old = version(version, instance);
        columns.add(version.column());
        values.add(old + 1);
        CompiledSql sql = compiler.updateRow(meta.table(), columns, values, meta.pk().column(), pk, version.column(), old);
        int n = db.update(sql);
        if (n > 0) {
            setVersion(version, instance, old + 1);
        } else if (((Model) instance).isPersisted()) {
            throw new StaleObjectError(meta.type(), pk, old, sql.sql());
        }
        return n;
    }

    /** The version an instance holds (a null boxed version counts as 0). */
    public static long version(FieldMeta version, Object instance) {
        Object v = version.get(instance);
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** Sets an instance's version, in the width of its field. */
    public static void setVersion(FieldMeta version, Object instance, long value) {
        Class<?> j = version.javaType();
        version.set(instance, j == int.class || j == Integer.class ? Integer.valueOf((int) value)
                : j == short.class || j == Short.class ? Short.valueOf((short) value) : (Object) Long.valueOf(value));
    }

    /**
     * Inserts the instances in batches of at most {@code batchSize} rows (0: as many as the parameter
     * limit allows), in one transaction ({@code bulkCreate}). When that transaction, or one enclosing
     * it, rolls back, the instances lose their generated keys and their persisted state again.
     */
    public static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize) {
        insert(db, meta, instances, batchSize, null);
    }

    /**
     * As {@link #insert(Database, ModelMeta, List, int)}, with what a row whose unique key exists does
     * ({@code null}: it fails the insert). Skipped rows leave their instances as they were (no key,
     * not persisted), as Django's {@code ignore_conflicts}; updated rows get their keys where the
     * database returns them.
     */
    public static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize, Conflict conflict) {
        if (meta.parent() != null) {
            throw new QueryError(String.format("Can't bulk create a multi-table inherited model: %s's "
                    + "rows span the tables of %s, and the parents' generated keys are needed before the children's "
                    + "rows (as in Django). save() each %s, or bulkCreate the parent %s rows", meta.name(),
                    String.join(" and ", meta.allFields().stream().map(f -> f.model().name()).distinct().toList()),
                    meta.name(), meta.parents().get(meta.parents().size() - 1).name()));
        }
        insert(db, meta, instances, batchSize, conflict, true);
    }

    /**
     * Inserts instances as a fixture gives them (Django's {@code save(raw=True)}): every value as it is, auto-now
     * fields included (set to now only when the instance has none), in batches; the key generator is moved past
     * explicit keys afterwards.
     */
    public static void insertRaw(Database db, ModelMeta meta, List<?> instances) {
        insert(db, meta, instances, 0, null, false, true);
    }

    /** Writes every field of an instance's existing row as the instance holds it (a fixture's raw save); returns the rows updated. */
    public static int updateRaw(Database db, Object instance) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        List<FieldMeta> fields = meta.fields().subList(1, meta.fields().size());
        if (fields.isEmpty()) {
            return 1;
        }
        List<Object> values = new ArrayList<>(fields.size());
        for (FieldMeta f : fields) {
            values.add(dbValue(f, instance, db.backend().features()));
        }
        UpdateCompiler compiler = new UpdateCompiler(db.backend().operations(), db.backend().features());
        return db.update(compiler.updateRow(meta.table(), fields.stream().map(FieldMeta::column).toList(), values,
                meta.pk().column(), meta.pkValue(instance)));
    }

    private static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize, Conflict conflict,
                               boolean undoOnRollback) {
        insert(db, meta, instances, batchSize, conflict, undoOnRollback, false);
    }

    /**
     * {@code undoOnRollback} is off for {@code save()}: as in Django, an instance saved in a transaction
     * that rolls back keeps its key, and a loop of saves in one long transaction keeps no instance alive.
     * {@code raw} leaves auto-now fields as the instances hold them.
     */
    private static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize, Conflict conflict,
                               boolean undoOnRollback, boolean raw) {
        if (instances.isEmpty()) {
            return;
        }
        List<FieldMeta> dbDefaults = DbDefaults.of(meta);
        List<FieldMeta> omitted = List.of();
        if (!dbDefaults.isEmpty()) {
            Map<List<FieldMeta>, List<Object>> groups = DbDefaults.groups(dbDefaults, instances);
            if (groups.size() > 1) {
                // Rows that leave different columns to the database: one INSERT per shape, in one transaction.
                db.atomic(() -> {
                    groups.values().forEach(g -> insert(db, meta, g, batchSize, conflict, undoOnRollback, raw));
                    return null;
                });
                return;
            }
            omitted = groups.keySet().iterator().next();
        }
        boolean generated = meta.pk().auto() && meta.pkValue(instances.get(0)) == null;
        List<FieldMeta> fields = new ArrayList<>(meta.fields());
        if (generated) {
            fields.remove(0);
        }
        fields.removeAll(omitted);
        for (Object o : instances) {
            if (!raw) {
                applyAutoDates(meta, o, true, null);
            } else {
                fillAutoDates(meta, o);
            }
            if (generated != (meta.pkValue(o) == null) && meta.pk().auto()) {
                throw new dev.quarry.QueryError("bulkCreate on " + meta.name()
                        + " needs every instance with a primary key or none with one");
            }
        }
        int perRow = Math.max(1, fields.size());
        int max = Math.max(1, (db.backend().features().maxBindParameters() - 10) / perRow);
        int size = batchSize > 0 ? Math.min(batchSize, max) : max;
        List<String> columns = fields.stream().map(FieldMeta::column).toList();
        List<FieldType> types = fields.stream().map(FieldMeta::type).toList();
        boolean canReturn = db.backend().features().has(Feature.RETURNING) && (conflict == null || conflict.updates());
        boolean returning = generated && canReturn;
        // What RETURNING reads per row: the generated key, then the columns left to database defaults.
        List<FieldMeta> readBack = new ArrayList<>();
        if (returning) {
            readBack.add(meta.pk());
        }
        if (canReturn) {
            readBack.addAll(omitted);
        }
        List<String> returnColumns = readBack.stream().map(FieldMeta::column).toList();
        List<FieldMeta> rereadFields = canReturn ? List.of() : omitted;
        boolean known = conflict == null || conflict.updates();
        InsertCompiler compiler = new InsertCompiler(db.backend().operations());
        // Every value is checked before the first statement, so a bad one in the last batch sends no SQL.
        // One array of every row's values (no list per row), cut into statements below.
        FieldMeta[] written = fields.toArray(new FieldMeta[0]);
        Features features = db.backend().features();
        Object[] allValues = new Object[instances.size() * written.length];
        int at = 0;
        for (Object o : instances) {
            for (FieldMeta f : written) {
                allValues[at++] = dbValue(f, o, features);
            }
        }
        DbDefaults.Reader reader = readBack.isEmpty() ? null : new DbDefaults.Reader(db, readBack);
        Runnable work = () -> {
            for (int start = 0; start < instances.size(); start += size) {
                List<?> batch = instances.subList(start, Math.min(instances.size(), start + size));
                int first = start;
                if (fields.isEmpty() && batch.size() > 1) {
                    for (Object o : batch) {
                        insert(db, meta, List.of(o), 1, conflict, undoOnRollback, raw);
                    }
                    continue;
                }
                CompiledSql sql = conflict == null
                        ? compiler.insert(meta.table(), columns, types, allValues, first, batch.size(), returnColumns, null,
                                List.of(), null, null)
                        : compiler.insert(meta.table(), columns, types, allValues, first, batch.size(), returnColumns,
                                conflict.targetColumns(), conflict.updateColumns(), meta.pk().column(),
                                conflict.updates() && meta.versionField() != null ? meta.versionField().column() : null);
                if (!readBack.isEmpty()) {
                    int n = db.query(sql, rs -> {
                        int row = 0;
                        while (rs.next()) {
                            if (row < batch.size()) {
                                reader.read(rs, 1, batch.get(row));
                            }
                            row++;
                        }
                        return row;
                    });
                    if (n != batch.size()) {
                        throw new QuarryException("INSERT into " + meta.table() + " returned " + n
                                + " rows for " + batch.size() + " rows");
                    }
                } else {
                    db.update(sql);
                }
                if (!rereadFields.isEmpty()) {
                    DbDefaults.reread(db, meta, batch, rereadFields);
                }
                if (known) {
                    for (Object o : batch) {
                        ACCESS.setPersisted(o, true);
                    }
                }
                // If this transaction (or one enclosing it) rolls back, these rows are gone: the instances
                // lose the keys the database generated and their persisted state, as if never saved.
                if (undoOnRollback) {
                    db.onRollback(() -> forget(meta, batch, generated));
                }
            }
        };
        if (instances.size() > size) {
            db.atomic(() -> {
                work.run();
                return null;
            });
        } else {
            work.run();
        }
        if (!generated && meta.pk().auto()) {
            db.execute(db.backend().operations().resetKeyGenerator(meta.table(), meta.pk().column()));
        }
    }

    /**
     * The value a field writes: a foreign key's target key, or the field's value (defaults were
     * applied when the instance was created; a null written later is saved as NULL, as in Django),
     * checked against the column by {@link FieldValues#forColumn} before any SQL.
     */
    public static Object dbValue(FieldMeta f, Object instance, Features features) {
        return FieldValues.forColumn(f, value(f, instance), features);
    }

    private static Object value(FieldMeta f, Object instance) {
        Object v = f.get(instance);
        if (f.isForeignKey()) {
            Ref<?> ref = (Ref<?>) v;
            if (ref == null) {
                return null;
            }
            if (ref.id() == null && ref.isLoaded() && ref.get() != null) {
                Object targetPk = ModelMeta.of(ref.get().getClass()).pkValue(ref.get());
                if (targetPk == null) {
                    throw new dev.quarry.InvalidValueError(f.model().type(), f.name(), String.format(
                            "save() of %s refused to prevent data loss: its '%s' refers to an unsaved %s; save that first",
                            f.model().name(), f.name(), ref.get().getClass().getSimpleName()));
                }
                ACCESS.setRefId(ref, targetPk);
            }
            return ref.id();
        }
        return v;
    }

    private static void forget(ModelMeta meta, List<?> batch, boolean generated) {
        for (Object o : batch) {
            if (generated) {
                meta.pk().set(o, null);
            }
            ACCESS.setPersisted(o, false);
        }
    }

    /** A raw insert's auto-now fields: the instance's value when it has one (a fixture's), else now. */
    private static void fillAutoDates(ModelMeta meta, Object instance) {
        for (FieldMeta f : meta.fields()) {
            if ((f.options().autoNow() || f.options().autoNowAdd()) && f.get(instance) == null) {
                f.set(instance, Now.of(f.javaType()));
            }
        }
    }

    private static void applyAutoDates(ModelMeta meta, Object instance, boolean adding, List<FieldMeta> only) {
        for (FieldMeta f : only == null ? meta.fields() : only) {
            boolean now = f.options().autoNow() || (adding && f.options().autoNowAdd() && f.get(instance) == null);
            if (now) {
                f.set(instance, Now.of(f.javaType()));
            }
        }
    }
}
