package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ReverseRelation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writes of a reverse foreign key's manager ({@code writer.related("novels")}), with Django's
 * {@code bulk} rule: in bulk (the default) {@code add} moves saved objects with one
 * {@code UPDATE ... WHERE pk IN (...)} and refuses unsaved ones before any SQL, {@code remove} and
 * {@code clear} set the key to NULL with one UPDATE; with {@code bulk = false} each object is saved
 * (an unsaved one is inserted), and {@code remove}/{@code clear} load the rows and save each.
 *
 * @param <T> the related model
 */
final class ReverseForeignKeyWrites<T extends Model> {
    private final Model owner;
    private final ReverseRelation reverse;
    private final QuerySet<T> every;
    private final QuerySet<T> related;
    private final String manager;

    /** Writes of {@code owner}'s side of {@code reverse}; {@code every} is the related model's rows, {@code related} the owner's. */
    ReverseForeignKeyWrites(Model owner, ReverseRelation reverse, QuerySet<T> every, QuerySet<T> related) {
        this.owner = owner;
        this.reverse = reverse;
        this.every = every;
        this.related = related;
        this.manager = owner.getClass().getSimpleName() + "." + reverse.accessorName();
    }

    void add(Collection<? extends T> objects, Object key, String db, boolean bulk) {
        FieldMeta fk = reverse.foreignKey();
        for (T o : objects) {
            checkType(o, "add");
            o.checkRelation(owner, fk.name());
            if (bulk) {
                requireSaved(o);
            }
        }
        if (objects.isEmpty()) {
            return;
        }
        if (bulk) {
            List<Object> pks = objects.stream().map(Model::pk).toList();
            every.using(db).filter("pk__in", pks).update(fk.name(), key);
            objects.forEach(o -> point(o, fk));
        } else {
            Quarry q = owner.quarry();
            q.atomic(db).run(() -> objects.forEach(o -> {
                point(o, fk);
                o.saveOn(q, db);
            }));
        }
    }

    void remove(Collection<? extends T> objects, Object key, String db, boolean bulk) {
        FieldMeta fk = nullableKey("remove");
        Set<Object> pks = new HashSet<>();
        for (T o : objects) {
            checkType(o, "remove");
            if (!key.equals(((Ref<?>) fk.get(o)).id())) {
                // Django raises the owner model's DoesNotExist: "<obj> is not related to <owner>."
                throw new DoesNotExist(owner.getClass(), manager + ".remove()", String.format("%s is not related to %s: "
                        + "its %s points elsewhere, so %s.remove() cannot unrelate it", o, owner, fk, manager));
            }
            pks.add(o.pk());
        }
        if (pks.isEmpty()) {
            return;
        }
        unrelate(related.filter("pk__in", List.copyOf(pks)), fk, db, bulk);
        objects.forEach(o -> ((Ref<?>) fk.get(o)).assignId(null));
    }

    void clear(String db, boolean bulk) {
        unrelate(related, nullableKey("clear"), db, bulk);
    }

    /**
     * Makes exactly these objects related: with a nullable key, one SELECT of the current rows, then
     * {@code remove} of those not wanted and {@code add} of those not yet related (Django's
     * {@code set()}); with a key that is not nullable, {@code add} of every object.
     */
    void set(Collection<? extends T> objects, Object key, String db, boolean bulk) {
        if (!reverse.foreignKey().nullable()) {
            add(objects, key, db, bulk);
            return;
        }
        if (bulk) {
            objects.forEach(this::requireSaved);
        }
        owner.quarry().atomic(db).run(() -> {
            Set<Object> current = new HashSet<>();
            List<T> stale = new ArrayList<>();
            Set<Object> wanted = new HashSet<>();
            objects.forEach(o -> wanted.add(o.pk()));
            for (T c : related.using(db).list()) {
                current.add(c.pk());
                if (!wanted.contains(c.pk())) {
                    stale.add(c);
                }
            }
            List<T> fresh = new ArrayList<>();
            for (T o : objects) {
                if (o.pk() == null || !current.contains(o.pk())) {
                    fresh.add(o);
                }
            }
            remove(stale, key, db, bulk);
            add(fresh, key, db, bulk);
        });
    }

    /** Sets the key of these rows to NULL: one UPDATE, or (Django's bulk = false) each row loaded and saved. */
    private void unrelate(QuerySet<T> rows, FieldMeta fk, String db, boolean bulk) {
        if (bulk) {
            rows.using(db).update(fk.name(), null);
            return;
        }
        Quarry q = owner.quarry();
        q.atomic(db).run(() -> {
            for (T o : rows.using(db).list()) {
                ((Ref<?>) fk.get(o)).assignId(null);
                o.saveOnly(fk.name());
            }
        });
    }

    private void requireSaved(T o) {
        if (o.pk() == null || !o.isPersisted()) {
            // Django: "<obj> instance isn't saved. Use bulk=False or save the object first."
            throw new QueryError(String.format("%s.add() with bulk = true moves saved rows with one UPDATE, and this %s "
                    + "is not saved: save it first, or use add(objects, false), which saves each object",
                    manager, o.getClass().getSimpleName()));
        }
    }

    private void point(T o, FieldMeta fk) {
        @SuppressWarnings("unchecked")
        Ref<Model> ref = (Ref<Model>) fk.get(o);
        ref.set(owner);
    }

    private void checkType(Object o, String what) {
        Class<?> expected = reverse.source().type();
        if (!expected.isInstance(o)) {
            // Django: TypeError "'Novel' instance expected, got <Writer: ...>".
            throw new InvalidValueError(expected, reverse.foreignKey().name(), String.format("%s.%s() takes %s instances, "
                    + "got %s", manager, what, expected.getSimpleName(), o == null ? "null" : o.getClass().getSimpleName()));
        }
    }

    private FieldMeta nullableKey(String what) {
        FieldMeta fk = reverse.foreignKey();
        if (!fk.nullable()) {
            throw new QueryError(String.format("%s() on %s needs a nullable foreign key; %s is not "
                    + "nullable (delete the objects instead, or declare it nullable = true)", what, manager, fk));
        }
        return fk;
    }
}
