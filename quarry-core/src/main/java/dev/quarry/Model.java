package dev.quarry;

import dev.quarry.deletion.Collector;
import dev.quarry.internal.ModelAccess;
import dev.quarry.load.LoadContext;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import dev.quarry.model.Validator;
import dev.quarry.persist.Persister;
import dev.quarry.query.ValueTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base class of every model: an automatic {@code id} key, {@code save()}, {@code delete()},
 * and {@link #related(String, Class)} for every to-many relation that points at this model or
 * from it. An instance remembers the Quarry and the database it was loaded from or saved to, and its
 * relations load from there (unless the Quarry's routers send them elsewhere). Instances are plain mutable objects: share them between threads only with the usual
 * care.
 */
public abstract class Model {
    static {
        ModelAccess.install(new ModelInternals());
    }

    /** The automatic primary key; {@code null} until the instance is saved. Unused when a field is declared {@code primaryKey}. */
    public Long id;

    /**
     * {@code null} for a new instance, the {@link LoadContext} of a loaded (persisted) one that carries
     * nothing else, or a {@link ModelState} once anything else is set: one field instead of eight per row.
     */
    private transient Object state;

    /** Sets up the instance's relation handles ({@code Ref} and {@code ManyToMany} fields). */
    protected Model() {
        NewInstances.setUp(this);
    }

    /** The primary key value, whatever the key field is called; {@code null} before the first save. */
    public Object pk() {
        return ModelMeta.of(getClass()).pkValue(this);
    }

    /** The primary key as {@code type} ({@code Long.class} for the automatic key); a type that cannot hold it is refused. */
    public <K> K pk(Class<K> type) {
        return ValueTypes.convert(pk(), type, getClass().getSimpleName() + ".pk");
    }

    /**
     * Inserts this instance (no key yet) or updates its row, on the Quarry it came from (or the
     * installed one), in the database the routers choose for writes, else the one it came from.
     */
    public void save() {
        saveOn(quarry());
    }

    /**
     * Inserts or updates this instance's row in the named database of its Quarry (Django's
     * {@code save(using=...)}); afterwards the instance belongs to that database. A name of its own
     * rather than a {@code save} overload, for the reason given at {@link #saveOnly}.
     */
    public void saveTo(String database) {
        Quarry q = quarry();
        q.session(database);
        saveOn(q, database);
    }

    /**
     * Writes only these fields to this instance's row, in one UPDATE (Django's
     * {@code save(update_fields=[...])}): other changes in memory are not written, auto-now fields
     * are set only when listed, and the row must exist: no row with this key is a
     * {@link DatabaseError}, never an insert. A {@code @VersionField} is checked and raised as by
     * {@link #save()}. Unknown, many-to-many and primary key fields are refused before any SQL.
     * (A name of its own rather than a {@code save} overload, so that {@code obj::save} stays one
     * method: {@code executor.submit(obj::save)} would not compile next to an overload.)
     */
    public void saveOnly(String updateField, String... more) {
        List<String> names = new java.util.ArrayList<>(1 + more.length);
        names.add(updateField);
        names.addAll(List.of(more));
        List<FieldMeta> fields = UpdateFields.of(ModelMeta.of(getClass()), names);
        Quarry q = quarry();
        writeFields(q, q.route(true, getClass(), this), fields);
    }

    private void writeFields(Quarry q, String database, List<FieldMeta> fields) {
        ModelState s = stateOrNull();
        Map<FieldMeta, dev.quarry.query.expr.Expr> exprs = s == null || s.assigned == null ? Map.of()
                : Assignments.resolve(q, this, s.assigned, fields);
        Persister.saveFields(q.session(database).database(), this, fields, exprs);
        if (!exprs.isEmpty()) {
            Assignments.readBack(q, database, this, exprs.keySet());
            exprs.keySet().forEach(f -> s.assigned.remove(f.name()));
            s.assigned = s.assigned.isEmpty() ? null : s.assigned;
        }
        bindTo(q, database);
    }

    /** Saves on {@code q}, in the database its routers choose for this write. */
    void saveOn(Quarry q) {
        saveOn(q, q.route(true, getClass(), this));
    }

    /** Inserts this new instance (Django's {@code create()}: {@code force_insert}): an existing key fails, not updates. */
    void createOn(Quarry q, String database) {
        if (isPersisted() || stateOrNull() != null && stateOrNull().assigned != null) {
            saveOn(q, database);
            return;
        }
        q.registry().meta(getClass());
        Persister.insert(q.session(database).database(), this);
        bindTo(q, database);
    }

    void saveOn(Quarry q, String database) {
        q.registry().meta(getClass()); // a model missing from Quarry.builder().models(...) is refused before any SQL
        ModelState s = stateOrNull();
        if (s != null && s.deferred != null && s.persisted && database.equals(dbName())) {
            // As Django: a deferred instance saved to its own database writes only what was loaded or assigned.
            List<FieldMeta> loaded = Deferral.loaded(this, s.deferred);
            if (!loaded.isEmpty()) {
                writeFields(q, database, loaded);
            }
            return;
        }
        dev.quarry.db.Database db = q.session(database).database();
        if (s == null || s.assigned == null) {
            Persister.save(db, this);
        } else {
            Map<FieldMeta, dev.quarry.query.expr.Expr> exprs = Assignments.resolve(q, this, s.assigned, null);
            Persister.save(db, this, exprs);
            Assignments.readBack(q, database, this, exprs.keySet());
            s.assigned = null;
        }
        bindTo(q, database);
    }

    /**
     * Sets {@code field} to an expression the database computes when this instance is next saved:
     * {@code book.assign("stock", F.of("stock").minus(1)); book.save();} writes
     * {@code SET stock = stock - 1} (Django's {@code book.stock = F("stock") - 1}), so concurrent
     * saves do not lose each other's changes. A Java field cannot hold an expression, so the instance
     * keeps it beside the field until {@link #save()} (or {@link #saveOnly} naming the field), which
     * then reads the field's new value back from the row. Only an existing row can be updated this
     * way; the field and the expression are checked when saved, before any SQL.
     */
    public void assign(String field, dev.quarry.expr.Expression<?> expression) {
        FieldMeta f = Assignments.check(this, field, expression);
        ModelState s = state();
        if (s.assigned == null) {
            s.assigned = new LinkedHashMap<>();
        }
        s.assigned.put(f.name(), expression);
    }

    void bindTo(Quarry q, String database) {
        ModelState s = state();
        s.boundTo = q;
        s.boundDb = database;
    }

    /**
     * Deletes this row and everything its on-delete rules cascade to, in one transaction; returns
     * the number of rows deleted per model.
     */
    public Map<String, Integer> delete() {
        Quarry q = quarry();
        return deleteOn(q, q.route(true, getClass(), this));
    }

    /** As {@link #delete()}, from the named database of this instance's Quarry (Django's {@code delete(using=...)}). */
    public Map<String, Integer> deleteFrom(String database) {
        Quarry q = quarry();
        q.session(database);
        return deleteOn(q, database);
    }

    private Map<String, Integer> deleteOn(Quarry q, String database) {
        ModelMeta meta = ModelMeta.of(getClass());
        Object pk = pk();
        if (pk == null) {
            throw new QueryError(meta.name() + " object can't be deleted because its "
                    + meta.pk().name() + " attribute is null; it was never saved");
        }
        Map<String, Integer> counts = Collector.delete(q.session(database), q.registry().meta(getClass()), List.of(pk));
        if (meta.pk().auto() || meta.pk().isParentLink()) {
            meta.pk().set(this, null);
        }
        setPersisted(false);
        return counts;
    }

    /**
     * Reloads every field from the database (the version of a {@code @VersionField} too), forgetting
     * prefetched relations and any loaded foreign-key target whose key changed; annotations stay.
     * {@link DoesNotExist} when the row is gone.
     */
    public void refreshFromDb() {
        ModelMeta meta = ModelMeta.of(getClass());
        if (pk() == null) {
            throw new QueryError(meta.name() + " object can't be refreshed from the database because its "
                    + meta.pk().name() + " attribute is null; it was never saved");
        }
        Object fresh = new QuerySet<>(getClass(), Plan.of(getClass(), quarry()).hint(this)).get("pk", pk());
        Deferral.copy(meta.allFields(), fresh, this);
        ModelState s = stateOrNull();
        if (s != null) {
            s.prefetched = null;
            s.deferred = null;
        }
    }

    /**
     * Loads only these fields from the database (Django's {@code refresh_from_db(fields=[...])}), in one
     * query: the way to load a field a raw query deferred ({@link #deferredFields()}). Other fields and
     * relations stay as they are. {@link DoesNotExist} when the row is gone. (A name of its own rather than
     * a {@code refreshFromDb} overload, so that {@code obj::refreshFromDb} stays one method, as with {@link #saveOnly}.)
     */
    public void refreshOnly(String field, String... more) {
        ModelState s = stateOrNull();
        java.util.Set<String> refreshed = Deferral.refresh(this, quarry(), field, more, s == null ? null : s.deferred);
        if (refreshed != null || s != null) {
            state().deferred = refreshed;
        }
    }

    /**
     * The fields a raw query did not select and that hold nothing yet (Django's {@code get_deferred_fields()}):
     * {@code null}, a primitive's zero, a foreign key without a key. Reading one gives that, not the row's
     * value; {@link #refreshOnly(String, String...)} loads it, and {@link #save()} leaves such fields out.
     */
    public java.util.Set<String> deferredFields() {
        return java.util.Collections.unmodifiableSet(Deferral.pending(this, stateOrNull() == null ? null : stateOrNull().deferred));
    }

    /**
     * Checks every field (null, blank, max length, choices, positive numbers; by one query each, that a foreign
     * key's target exists and matches its {@code limitChoicesTo}, and a one-to-one's uniqueness) and each
     * {@code @Meta(uniqueTogether)} set by query; throws {@link ValidationError}. CHECK constraints are left to
     * the database, as in Django 3.2.
     */
    public void fullClean() {
        Map<String, List<String>> errors = Validator.errors(this);
        ForeignKeyChoices.addErrors(this, errors);
        UniqueOneToOne.addErrors(this, errors);
        List<String> whole = UniqueOneToOne.togetherErrors(this, errors);
        if (!errors.isEmpty() || !whole.isEmpty()) {
            throw new ValidationError(errors, whole);
        }
    }

    /**
     * The manager of a to-many relation by name, checked against the related model:
     * {@code related("books", Book.class)} for a reverse foreign key ({@code "books"},
     * {@code "review_set"}), a many-to-many field ({@code "tags"}) or its reverse side. A name that
     * is no such relation, or a type that is not its model, is refused naming the choices.
     */
    public <R extends Model> RelatedManager<R> related(String name, Class<R> type) {
        RelatedManager<?> m = related(name);
        if (m.targetType() != type) {
            throw new FieldError(getClass(), name, String.format("%s.%s holds %s objects, not %s: use related(\"%s\", %s.class)",
                    getClass().getSimpleName(), name, m.targetType().getSimpleName(), type.getSimpleName(), name,
                    m.targetType().getSimpleName()));
        }
        @SuppressWarnings("unchecked")
        RelatedManager<R> typed = (RelatedManager<R>) m;
        return typed;
    }

    /**
     * The manager of a to-many relation by name, when its model is not known statically; prefer
     * {@link #related(String, Class)}.
     */
    public RelatedManager<?> related(String name) {
        ModelMeta meta = ModelMeta.of(getClass());
        ManyToManyMeta m2m = meta.anyManyToMany(name);
        if (m2m != null) {
            return (RelatedManager<?>) m2m.get(this);
        }
        Registry registry = quarry().registry();
        ReverseRelation r = registry.reverseByAccessor(meta, name);
        if (r != null) {
            if (r.isOneToOne()) {
                throw new FieldError(getClass(), name, ReverseOneToOne.notAManager(meta, r));
            }
            return new ReverseManager<>(this, r);
        }
        throw new FieldError(getClass(), name, UnknownRelation.message(registry, meta, name));
    }

    /**
     * The one object on the reverse side of a one-to-one field, by accessor name (Django's
     * {@code author.authorprofile}): {@code relatedOne("authorprofile", AuthorProfile.class)}, or the
     * field's {@code relatedName}. Cached on this instance once loaded (or by {@code selectRelated} /
     * {@code prefetchRelated}); loading follows the fetch mode. No such object is {@link DoesNotExist}
     * naming both models; a name that is no reverse one-to-one, or a wrong type, is refused naming the choices.
     */
    public <R extends Model> R relatedOne(String name, Class<R> type) {
        return ReverseOneToOne.get(this, name, type);
    }

    /** The rows a {@code Prefetch.to(name)} kept here (Django's {@code to_attr}), in the Prefetch's order; see docs/prefetch-objects.md. */
    public <R extends Model> List<R> prefetched(String name, Class<R> type) {
        return PrefetchedRows.read(this, stateOrNull() == null ? null : stateOrNull().prefetched, name, type);
    }

    /** An annotation's value on an instance loaded by an annotated QuerySet ({@code annotate("book_count", ...)}). */
    public Object annotation(String name) {
        ModelState s = stateOrNull();
        Map<String, Object> annotations = s == null ? null : s.annotations;
        if (annotations == null || !annotations.containsKey(name)) {
            throw new FieldError(getClass(), name, String.format("%s has no annotation '%s'. Annotations are: %s",
                    getClass().getSimpleName(), name, annotations == null ? "none" : String.join(", ", annotations.keySet())));
        }
        return annotations.get(name);
    }

    /** An annotation's value as {@code type} ({@code Long}, {@code Double}, ...); numbers convert when the value fits. */
    public <T> T annotation(String name, Class<T> type) {
        return ValueTypes.convert(annotation(name), type, "annotation '" + name + "'");
    }

    /** Whether this instance was loaded from or saved to the database. */
    public boolean isPersisted() {
        Object s = state;
        return s instanceof LoadContext || s instanceof ModelState m && m.persisted;
    }

    /**
     * The name of the database of its Quarry this instance was loaded from or saved to
     * ({@code "default"}, {@code "replica"}, ...), empty before either (Django's {@code _state.db}).
     */
    public Optional<String> database() {
        return Optional.ofNullable(dbName());
    }

    /** The database name, or {@code null}. */
    String dbName() {
        ModelState s = stateOrNull();
        if (s != null && s.boundTo != null) {
            return s.boundDb;
        }
        LoadContext context = loadContext();
        return context != null ? context.session().name() : null;
    }

    /** The Quarry this instance was loaded from or saved to, or {@code null} (never the installed fallback). */
    Quarry boundQuarry() {
        ModelState s = stateOrNull();
        if (s != null && s.boundTo != null) {
            return s.boundTo;
        }
        LoadContext context = loadContext();
        return context != null && context.session().owner() instanceof Quarry q ? q : null;
    }

    /** This instance's database when it belongs to {@code q}, else {@code null}. */
    String databaseIn(Quarry q) {
        return boundQuarry() == q ? dbName() : null;
    }

    /**
     * Checks that this instance may point at {@code target} ({@code Ref.set}, many-to-many rows): when
     * this one belongs to no database yet it adopts the target's Quarry and the database its routers
     * choose for writing it; otherwise both must be of one Quarry and its routers must allow the
     * relation (by default: one database). Throws {@link InvalidValueError} naming the relation.
     */
    void checkRelation(Model target, String relation) {
        Quarry tq = target.boundQuarry();
        if (tq == null) {
            return;
        }
        Quarry oq = boundQuarry();
        if (oq == null) {
            if (!isPersisted()) {
                bindTo(tq, tq.route(true, getClass(), target));
            }
            return;
        }
        if (oq != tq) {
            throw new InvalidValueError(getClass(), relation, String.format("%s.%s cannot point at a %s of another Quarry "
                    + "(%s; this %s belongs to %s): relations stay within one Quarry's databases", getClass().getSimpleName(),
                    relation, target.getClass().getSimpleName(), tq, getClass().getSimpleName(), oq));
        }
        if (!oq.routing().allowRelation(this, target)) {
            throw new InvalidValueError(getClass(), relation, String.format("%s.%s cannot point at a %s from database '%s': "
                    + "this %s belongs to '%s', and the routers allow no relation between them (allowRelation; by default "
                    + "relations stay within one database)", getClass().getSimpleName(), relation,
                    target.getClass().getSimpleName(), target.dbName(), getClass().getSimpleName(), dbName()));
        }
    }

    /** The Quarry this instance belongs to: the one it was saved to or loaded from, else the installed one. */
    Quarry quarry() {
        ModelState s = stateOrNull();
        if (s != null && s.boundTo != null) {
            return s.boundTo.checkOpen();
        }
        LoadContext context = loadContext();
        if (context != null && context.session().owner() instanceof Quarry q) {
            return q.checkOpen();
        }
        return Quarry.current();
    }

    FetchMode fetchMode() {
        LoadContext context = loadContext();
        return context != null ? context.mode() : quarry().fetchMode();
    }

    LoadContext loadContext() {
        Object s = state;
        return s instanceof LoadContext c ? c : s instanceof ModelState m ? m.context : null;
    }

    /** The bookkeeping beyond a load context, or {@code null} when the instance has none. */
    ModelState stateOrNull() {
        return state instanceof ModelState s ? s : null;
    }

    /** The bookkeeping beyond a load context, created on first use. */
    ModelState state() {
        if (state instanceof ModelState s) {
            return s;
        }
        ModelState s = ModelState.from(state);
        state = s;
        return s;
    }

    /** Marks a loaded row: persisted, with its load context, and no other bookkeeping object when it had none. */
    void setLoaded(LoadContext context) {
        if (state == null && context != null) {
            state = context;
        } else {
            ModelState s = state();
            s.context = context;
            s.persisted = true;
        }
    }

    void setPersisted(boolean persisted) {
        if (persisted ? isPersisted() && state instanceof LoadContext : state == null) {
            return;
        }
        state().persisted = persisted;
    }

    /**
     * Equal when of the same concrete model (a proxy's is the model it stands for) with the same primary key;
     * unsaved instances equal only themselves.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || (o.getClass() != getClass()
                && !(o instanceof Model m && ModelMeta.of(m.getClass()).concrete() == ModelMeta.of(getClass()).concrete()))) {
            return false;
        }
        Object pk = pk();
        return pk != null && pk.equals(((Model) o).pk());
    }

    /** The model and primary key; an unsaved instance hashes by identity. */
    @Override
    public int hashCode() {
        Object pk = pk();
        return pk == null ? System.identityHashCode(this) : Objects.hash(ModelMeta.of(getClass()).concrete().type(), pk);
    }

    /** {@code Author object (3)}, as Django prints an instance. */
    @Override
    public String toString() {
        return getClass().getSimpleName() + " object (" + pk() + ")";
    }
}
