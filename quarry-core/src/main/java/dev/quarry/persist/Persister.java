package dev.quarry.persist;

import dev.quarry.QuarryException;
import dev.quarry.Ref;
import dev.quarry.db.Database;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Feature;
import dev.quarry.spi.Features;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.InsertCompiler;
import dev.quarry.sql.UpdateCompiler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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
        ModelMeta meta = ModelMeta.of(instance.getClass());
        Object pk = meta.pkValue(instance);
        applyAutoDates(meta, instance, pk == null);
        if (pk != null) {
            List<FieldMeta> fields = meta.fields().subList(1, meta.fields().size());
            if (!fields.isEmpty()) {
                List<String> columns = new ArrayList<>();
                List<Object> values = new ArrayList<>();
                for (FieldMeta f : fields) {
                    columns.add(f.column());
                    values.add(dbValue(f, instance, db.backend().features()));
                }
                CompiledSql sql = new UpdateCompiler(db.backend().operations(), db.backend().features())
                        .updateRow(meta.table(), columns, values, meta.pk().column(), pk);
                if (db.update(sql) > 0) {
                    ACCESS.setPersisted(instance, true);
                    return;
                }
            }
        }
        insert(db, meta, List.of(instance), 0, false);
    }

    /**
     * Inserts the instances in batches of at most {@code batchSize} rows (0: as many as the parameter
     * limit allows), in one transaction ({@code bulkCreate}). When that transaction, or one enclosing
     * it, rolls back, the instances lose their generated keys and their persisted state again.
     */
    public static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize) {
        insert(db, meta, instances, batchSize, true);
    }

    /**
     * {@code undoOnRollback} is off for {@code save()}: as in Django, an instance saved in a transaction
     * that rolls back keeps its key, and a loop of saves in one long transaction keeps no instance alive.
     */
    private static void insert(Database db, ModelMeta meta, List<?> instances, int batchSize, boolean undoOnRollback) {
        if (instances.isEmpty()) {
            return;
        }
        boolean generated = meta.pk().auto() && meta.pkValue(instances.get(0)) == null;
        List<FieldMeta> fields = new ArrayList<>(meta.fields());
        if (generated) {
            fields.remove(0);
        }
        for (Object o : instances) {
            applyAutoDates(meta, o, true);
            if (generated != (meta.pkValue(o) == null) && meta.pk().auto()) {
                throw new dev.quarry.QueryError("bulkCreate on " + meta.name()
                        + " needs every instance with a primary key or none with one");
            }
        }
        int perRow = Math.max(1, fields.size());
        int max = Math.max(1, (db.backend().features().maxBindParameters() - 10) / perRow);
        int size = batchSize > 0 ? Math.min(batchSize, max) : max;
        List<String> columns = fields.stream().map(FieldMeta::column).toList();
        boolean returning = generated && db.backend().features().has(Feature.RETURNING);
        InsertCompiler compiler = new InsertCompiler(db.backend().operations());
        // Every value is checked before the first statement, so a bad one in the last batch sends no SQL.
        List<List<Object>> allRows = new ArrayList<>(instances.size());
        for (Object o : instances) {
            List<Object> row = new ArrayList<>(fields.size());
            for (FieldMeta f : fields) {
                row.add(dbValue(f, o, db.backend().features()));
            }
            allRows.add(row);
        }
        Runnable work = () -> {
            for (int start = 0; start < instances.size(); start += size) {
                List<?> batch = instances.subList(start, Math.min(instances.size(), start + size));
                List<List<Object>> rows = allRows.subList(start, start + batch.size());
                if (fields.isEmpty() && batch.size() > 1) {
                    for (Object o : batch) {
                        insert(db, meta, List.of(o), 1, undoOnRollback);
                    }
                    continue;
                }
                CompiledSql sql = compiler.insert(meta.table(), columns, rows, returning ? meta.pk().column() : null);
                if (returning) {
                    ColumnReader reader = db.backend().operations().reader(meta.pk().type());
                    List<Object> keys = db.query(sql, rs -> {
                        List<Object> out = new ArrayList<>();
                        while (rs.next()) {
                            out.add(reader.read(rs, 1));
                        }
                        return out;
                    });
                    if (keys.size() != batch.size()) {
                        throw new QuarryException("INSERT into " + meta.table() + " returned " + keys.size()
                                + " keys for " + batch.size() + " rows");
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        meta.pk().set(batch.get(i), keys.get(i));
                    }
                } else {
                    db.update(sql);
                }
                for (Object o : batch) {
                    ACCESS.setPersisted(o, true);
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

    private static void applyAutoDates(ModelMeta meta, Object instance, boolean adding) {
        for (FieldMeta f : meta.fields()) {
            boolean now = f.options().autoNow() || (adding && f.options().autoNowAdd() && f.get(instance) == null);
            if (now) {
                f.set(instance, f.javaType() == LocalDate.class ? LocalDate.now()
                        : Instant.now().truncatedTo(ChronoUnit.MICROS));
            }
        }
    }
}
