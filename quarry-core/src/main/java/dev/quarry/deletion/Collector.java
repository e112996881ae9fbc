package dev.quarry.deletion;

import dev.quarry.ProtectedError;
import dev.quarry.RestrictedError;
import dev.quarry.annotation.OnDelete;
import dev.quarry.FetchMode;
import dev.quarry.Model;
import dev.quarry.db.Database;
import dev.quarry.load.Loader;
import dev.quarry.load.Session;
import dev.quarry.query.Condition;
import dev.quarry.query.QueryTree;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.ReverseRelation;
import dev.quarry.spi.ColumnReader;
import dev.quarry.sql.DeleteCompiler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's deletion collector: follows every foreign key that refers to the rows being deleted,
 * applies its on-delete rule (CASCADE collects, PROTECT/RESTRICT refuse, SET_NULL/SET_DEFAULT
 * update), removes many-to-many rows, then deletes children before parents (in the order of
 * {@link DeletionOrder}, which MariaDB's row-by-row foreign key checks need), all in one
 * transaction. Returns the number of rows deleted per model.
 */
public final class Collector {
    /** The most blocking rows a refusal loads as instances (it carries every key). */
    static final int MAX_BLOCKING_OBJECTS = 100;

    private final Session session;
    private final Database db;
    private final DeleteCompiler compiler;
    private final Map<ModelMeta, LinkedHashSet<Object>> collected = new LinkedHashMap<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Restriction> restrictions = new ArrayList<>();
    private final DeletionOrder deletionOrder = new DeletionOrder();

    private record Update(FieldMeta field, Object value, List<Object> keys) {}

    private record Restriction(FieldMeta field, ModelMeta source, List<Object> keys) {}

    private Collector(Session session) {
        this.session = session;
        this.db = session.database();
        this.compiler = new DeleteCompiler(db.backend().operations());
    }

    /** Deletes these rows of {@code meta} and everything that cascades from them; counts by model label. */
    public static Map<String, Integer> delete(Session session, ModelMeta meta, List<Object> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return session.database().atomic(() -> {
            Collector c = new Collector(session);
            c.collect(meta, keys);
            c.checkRestrictions();
            return c.run();
        });
    }

    /**
     * Deletes every row the tree matches and what cascades from them, in one transaction; when
     * nothing can refer to the rows, one DELETE (Django's fast delete). Counts by model label.
     */
    public static Map<String, Integer> deleteMatching(Session session, QueryTree tree) {
        if (tree.isSliced() || tree.isDistinct()) {
            throw new dev.quarry.QueryError("Cannot delete() with limit, offset, slice or distinct(); filter the rows instead");
        }
        tree.checkRunnable();
        if (tree.matchesNothing()) {
            return Map.of();
        }
        ModelMeta meta = tree.model();
        Database db = session.database();
        if (session.registry().reverseRelations(meta).isEmpty() && meta.manyToMany().isEmpty() && meta.parent() == null) {
            int n = db.update(new dev.quarry.sql.UpdateCompiler(db.backend().operations(), db.backend().features())
                    .deleteMatching(tree.withoutOrdering()));
            return n == 0 ? Map.of() : Map.of(session.registry().countLabel(meta), n);
        }
        return db.atomic(() -> delete(session, meta, Loader.keys(db, tree)));
    }

    private void collect(ModelMeta meta, List<Object> keys) {
        LinkedHashSet<Object> set = collected.computeIfAbsent(meta, k -> new LinkedHashSet<>());
        List<Object> fresh = new ArrayList<>();
        for (Object k : keys) {
            if (set.add(k)) {
                fresh.add(k);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        for (ReverseRelation r : session.registry().reverseRelations(meta)) {
            if (r.isManyToMany()) {
                continue;
            }
            FieldMeta fk = r.foreignKey();
            OnDelete rule = fk.relation().onDelete();
            if (rule == OnDelete.DO_NOTHING) {
                continue;
            }
            List<Object> related = referring(r.source(), fk, fresh);
            if (related.isEmpty()) {
                continue;
            }
            switch (rule) {
                case CASCADE -> collect(r.source(), related);
                case PROTECT -> throw new ProtectedError(String.format(
                        "Cannot delete some instances of %s because they are referenced through protected foreign key %s: "
                                + "%s (their keys are in blockingKeys())", meta.name(), fk, rows(related.size(), r.source().name())),
                        r.source().type(), related, blocking(r.source(), related));
                case RESTRICT -> restrictions.add(new Restriction(fk, r.source(), related));
                case SET_NULL -> updates.add(new Update(fk, null, related));
                case SET_DEFAULT -> updates.add(new Update(fk, fk.options().defaultValue(), related));
                default -> { }
            }
        }
        if (meta.parent() != null) {
            // A multi-table child's rows go with their parents' rows (same keys), deleted after them.
            collect(meta.parent(), fresh);
        }
    }

    /** The first blocking rows as instances, for the exception (the keys list is complete). */
    private List<Model> blocking(ModelMeta source, List<Object> keys) {
        List<Object> first = keys.subList(0, Math.min(keys.size(), MAX_BLOCKING_OBJECTS));
        QueryTree t = QueryTree.of(session.registry(), source).filter(new Condition.Leaf("pk__in", first));
        List<Model> out = new ArrayList<>();
        for (Object o : Loader.models(session, t, FetchMode.LAZY)) {
            out.add((Model) o);
        }
        return out;
    }

    /**
     * The keys of the rows of {@code source} whose {@code fk} holds one of {@code keys}; for a model
     * that refers to itself, also which row each refers to, so replies are deleted before what they reply to.
     */
    private List<Object> referring(ModelMeta source, FieldMeta fk, List<Object> keys) {
        List<Object> out = new ArrayList<>();
        ColumnReader reader = db.backend().operations().reader(source.pk().type());
        boolean self = fk.relation().targetClass() == source.type();
        ColumnReader keyReader = self ? db.backend().operations().reader(fk.type()) : null;
        List<String> columns = self ? List.of(source.pk().column(), fk.column()) : List.of(source.pk().column());
        for (List<Object> chunk : chunks(keys)) {
            out.addAll(db.query(compiler.selectWhereIn(source.table(), columns, fk.column(), chunk), rs -> {
                List<Object> ids = new ArrayList<>();
                while (rs.next()) {
                    Object id = reader.read(rs, 1);
                    ids.add(id);
                    if (self) {
                        deletionOrder.selfReference(source, id, keyReader.read(rs, 2));
                    }
                }
                return ids;
            }));
        }
        return out;
    }

    private void checkRestrictions() {
        for (Restriction r : restrictions) {
            Set<Object> deleted = collected.getOrDefault(r.source(), new LinkedHashSet<>());
            List<Object> outside = r.keys().stream().filter(k -> !deleted.contains(k)).toList();
            if (!outside.isEmpty()) {
                throw new RestrictedError(String.format(
                        "Cannot delete some instances of %s because they are referenced through restricted foreign key %s: "
                                + "%s (their keys are in blockingKeys())", r.field().relation().target().name(), r.field(),
                        rows(outside.size(), r.source().name())), r.source().type(), outside, blocking(r.source(), outside));
            }
        }
    }

    /** "1 row of Prize", "3 rows of Prize": the count, not the keys (a key may be a value such as an e-mail address; STYLE rule 12). */
    private static String rows(int n, String model) {
        return n + (n == 1 ? " row of " : " rows of ") + model;
    }

    private Map<String, Integer> run() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Update u : updates) {
            List<Object> keys = new ArrayList<>(u.keys());
            keys.removeAll(collected.getOrDefault(u.field().model(), new LinkedHashSet<>()));
            for (List<Object> chunk : chunks(keys)) {
                db.update(compiler.setWhereIn(u.field().model().table(), u.field().column(), u.value(),
                        u.field().model().pk().column(), chunk));
            }
        }
        List<ModelMeta> order = new ArrayList<>(collected.keySet());
        for (ModelMeta meta : order) {
            List<Object> keys = new ArrayList<>(collected.get(meta));
            for (ManyToManyMeta m : meta.manyToMany()) {
                if (m.hasThroughModel()) {
                    continue; // through-model rows go by their foreign keys' on-delete rules, counted under that model
                }
                add(counts, session.registry().countLabel(m), deleteIn(m.throughTable(), m.sourceColumn(), keys));
            }
            for (ReverseRelation r : session.registry().reverseRelations(meta)) {
                if (r.isManyToMany() && !r.manyToMany().hasThroughModel()) {
                    ManyToManyMeta m = r.manyToMany();
                    add(counts, session.registry().countLabel(m), deleteIn(m.throughTable(), m.targetColumn(), keys));
                }
            }
        }
        for (ModelMeta meta : DeletionOrder.models(order)) {
            for (Collection<Object> level : deletionOrder.levels(meta, collected.get(meta))) {
                add(counts, session.registry().countLabel(meta), deleteIn(meta.table(), meta.pk().column(), new ArrayList<>(level)));
            }
        }
        counts.values().removeIf(n -> n == 0);
        return counts;
    }

    private int deleteIn(String table, String column, List<Object> keys) {
        int n = 0;
        for (List<Object> chunk : chunks(keys)) {
            n += db.update(compiler.deleteWhereIn(table, column, chunk));
        }
        return n;
    }

    private static void add(Map<String, Integer> counts, String label, int n) {
        counts.merge(label, n, Integer::sum);
    }

    private List<List<Object>> chunks(List<Object> all) {
        int size = Math.max(1, Math.min(db.backend().features().maxInListSize(), db.backend().features().maxBindParameters() - 10));
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
