package dev.quarry.persist;

import dev.quarry.FieldError;
import dev.quarry.QueryError;
import dev.quarry.db.Database;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.QueryTree;
import dev.quarry.spi.Features;
import dev.quarry.spi.FieldType;
import dev.quarry.sql.UpdateCompiler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code bulkUpdate(objects, fields)}: checks the fields and objects, splits the objects into
 * batches under the database's parameter limit, and writes each batch with one UPDATE of CASE
 * expressions, as Django's {@code bulk_update}.
 */
public final class BulkUpdater {
    private BulkUpdater() {}

    /** One batch: the objects and their primary keys, in order. */
    public record Batch(List<Object> keys, List<?> objects) {}

    /** A checked bulk update, ready to run batch by batch. */
    public static final class Plan {
        private final ModelMeta meta;
        private final List<FieldMeta> fields;
        private final List<?> objects;
        private final int size;

        private Plan(ModelMeta meta, List<FieldMeta> fields, List<?> objects, int size) {
            this.meta = meta;
            this.fields = fields;
            this.objects = objects;
            this.size = size;
        }

        /** The batches, each written by one UPDATE. */
        public List<Batch> batches() {
            List<Batch> out = new ArrayList<>();
            for (int i = 0; i < objects.size(); i += size) {
                List<?> part = objects.subList(i, Math.min(objects.size(), i + size));
                List<Object> keys = new ArrayList<>(part.size());
                for (Object o : part) {
                    keys.add(meta.pkValue(o));
                }
                out.add(new Batch(keys, part));
            }
            return out;
        }

        /** Writes one batch to the rows {@code tree} matches (the caller's query, filtered to the batch's keys); returns the rows matched. */
        public int run(Database db, QueryTree tree, Batch batch) {
            List<String> columns = new ArrayList<>(fields.size());
            List<FieldType> types = new ArrayList<>(fields.size());
            List<List<Object>> values = new ArrayList<>(fields.size());
            for (FieldMeta f : fields) {
                columns.add(f.column());
                types.add(f.type());
                List<Object> column = new ArrayList<>(batch.objects().size());
                for (Object o : batch.objects()) {
                    column.add(Persister.dbValue(f, o, db.backend().features()));
                }
                values.add(column);
            }
            FieldMeta version = meta.versionField();
            return db.update(new UpdateCompiler(db.backend().operations(), db.backend().features()).updateCases(tree,
                    meta.pk().column(), batch.keys(), columns, types, values, version == null ? null : version.column()));
        }

        /** After the batches ran: the objects of a versioned model hold the version their rows were raised to. */
        public void raiseVersions() {
            FieldMeta version = meta.versionField();
            if (version != null) {
                for (Object o : objects) {
                    Persister.setVersion(version, o, Persister.version(version, o) + 1);
                }
            }
        }
    }

    /**
     * Checks the fields (concrete, not the primary key; Django's errors) and that every object has a
     * primary key, and plans batches of at most {@code batchSize} objects (0: as many as the
     * database's parameter limit allows).
     */
    public static Plan plan(Database db, ModelMeta meta, List<?> objects, List<String> fieldNames, int batchSize) {
        if (fieldNames.isEmpty()) {
            throw new FieldError(meta.type(), null, "Field names must be given to bulkUpdate() on " + meta.name());
        }
        LinkedHashSet<FieldMeta> fields = new LinkedHashSet<>();
        for (String name : fieldNames) {
            if (meta.manyToMany(name) != null) {
                throw new FieldError(meta.type(), name, "bulkUpdate() can only be used with concrete fields; " + meta.name()
                        + "." + name + " is a many-to-many field");
            }
            FieldMeta f = meta.requireField(name);
            if (f.primaryKey()) {
                throw new FieldError(meta.type(), name, "bulkUpdate() cannot be used with primary key fields ("
                        + meta.name() + "." + f.name() + ")");
            }
            if (f == meta.versionField()) {
                throw new FieldError(meta.type(), name, "bulkUpdate() raises " + meta.name() + "." + f.name()
                        + " by itself (it is the version field); leave it out");
            }
            fields.add(f);
        }
        for (Object o : objects) {
            if (meta.pkValue(o) == null) {
                throw new QueryError("All bulkUpdate() objects must have a primary key set; a " + meta.name()
                        + " has none (save it first)");
            }
        }
        Features features = db.backend().features();
        int perObject = 2 * fields.size() + 1;
        int max = Math.max(1, Math.min(features.maxInListSize(), (features.maxBindParameters() - 10) / perObject));
        int size = batchSize > 0 ? Math.min(batchSize, max) : max;
        return new Plan(meta, List.copyOf(fields), objects, size);
    }
}
