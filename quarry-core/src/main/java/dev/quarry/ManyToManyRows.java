package dev.quarry;

import dev.quarry.db.Database;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.persist.ManyToManyWriter;
import dev.quarry.persist.Persister;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The link rows of one many-to-many relation seen from one side: pairs in the automatic table, or
 * instances of the {@code through} model (built with its defaults and the caller's
 * {@code throughDefaults}); a symmetrical relation of a model to itself writes both directions.
 */
final class ManyToManyRows {
    private final ManyToManyMeta m;
    private final boolean fromSource;

    /** The rows of {@code m} seen from its declaring model ({@code fromSource}) or from its target. */
    ManyToManyRows(ManyToManyMeta m, boolean fromSource) {
        this.m = m;
        this.fromSource = fromSource;
    }

    private ManyToManyWriter writer(boolean mirrored) {
        return fromSource != mirrored ? new ManyToManyWriter(m.throughTable(), m.sourceColumn(), m.targetColumn())
                : new ManyToManyWriter(m.throughTable(), m.targetColumn(), m.sourceColumn());
    }

    /** Relates {@code keys} to {@code owner} (and, if symmetrical, {@code owner} to each key); existing links are kept. */
    void add(Database db, Object owner, List<Object> keys, Map<String, ?> throughDefaults) {
        if (!m.hasThroughModel() && !throughDefaults.isEmpty()) {
            throw new QueryError(String.format("throughDefaults %s given to %s, whose automatic table %s has no other "
                    + "columns; declare a through model to store values on the link", throughDefaults.keySet(), m,
                    m.throughTable()));
        }
        if (m.hasThroughModel() && !throughDefaults.isEmpty()) {
            ModelMeta through = m.throughModel();
            Manager.assign(through, through.newInstance(), throughDefaults); // a bad name or value fails before any SQL
        }
        insert(db, owner, keys, throughDefaults, false);
        if (m.symmetrical()) {
            insert(db, owner, keys, throughDefaults, true);
        }
    }

    private void insert(Database db, Object owner, List<Object> keys, Map<String, ?> throughDefaults, boolean mirrored) {
        ManyToManyWriter w = writer(mirrored);
        if (!m.hasThroughModel()) {
            w.add(db, owner, keys);
            return;
        }
        List<Object> missing = w.missing(db, owner, keys);
        if (missing.isEmpty()) {
            return;
        }
        ModelMeta through = m.throughModel();
        boolean ownerIsSource = fromSource != mirrored;
        FieldMeta ownerKey = ownerIsSource ? m.link().sourceKey() : m.link().targetKey();
        FieldMeta otherKey = ownerIsSource ? m.link().targetKey() : m.link().sourceKey();
        List<Object> rows = new ArrayList<>(missing.size());
        for (Object k : missing) {
            Object row = through.newInstance();
            Manager.assign(through, row, throughDefaults);
            ((Ref<?>) ownerKey.get(row)).assignId(owner);
            ((Ref<?>) otherKey.get(row)).assignId(k);
            rows.add(row);
        }
        Persister.insert(db, through, rows, 0);
    }

    /** Unrelates {@code keys} from {@code owner} (both directions, in one statement, if symmetrical); returns the rows deleted. */
    int remove(Database db, Object owner, List<Object> keys) {
        return m.symmetrical() ? writer(false).removeBothWays(db, owner, keys) : writer(false).remove(db, owner, keys);
    }

    /** Unrelates everything from {@code owner} (both directions if symmetrical); returns the rows deleted. */
    int clear(Database db, Object owner) {
        return m.symmetrical() ? writer(false).clearBothWays(db, owner) : writer(false).clear(db, owner);
    }
}
