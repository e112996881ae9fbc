package dev.quarry;

import dev.quarry.load.Session;
import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueSlot;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How a QuerySet is built: the model, the Quarry it runs on ({@code null}: the installed one,
 * looked up when it runs), the database of that Quarry it was sent to with {@code using("name")}
 * ({@code null}: the routers choose when it runs), the instance it was reached from (a routing
 * hint), and the steps that refine it, applied to a fresh {@link QueryTree} of the Quarry's
 * registry. The steps are kept so the same QuerySet can be resolved against another Quarry's models
 * ({@code using(db)}, or a QuerySet built before any Quarry was installed).
 *
 * <p>Immutable. The resolved tree is memoized: when a Quarry is known while building, each step
 * is applied at once, so a bad lookup fails there, before any SQL. The memo is a pure function of
 * the immutable steps and is published through a volatile field, so a Plan is safe to share
 * between threads.
 */
final class Plan {
    private record Step(Step previous, UnaryOperator<QueryTree> op) {}

    /** A tree resolved against a registry's models (a model's all-rows one is made once, in {@link Shapes.Root}). */
    record Resolved(Registry registry, QueryTree tree) {}

    /** The key of a model's tree of all rows among the values a registry derives (an immutable tree, shared). */
    private record AllRows(Class<? extends Model> type) {}

    private final Class<? extends Model> type;
    private final Quarry db;
    private final String alias;
    private final Model hint;
    private final boolean forWrite;
    private final Step steps;
    private volatile Resolved memo;
    /** Where these steps stand in the registry's known shapes ({@link Shapes}), or {@code null} when a step has no shape. */
    private final Shapes.Cursor cursor;

    private Plan(Class<? extends Model> type, Quarry db, String alias, Model hint, boolean forWrite, Step steps,
                 Resolved memo) {
        this(type, db, alias, hint, forWrite, steps, memo, null);
    }

    private Plan(Class<? extends Model> type, Quarry db, String alias, Model hint, boolean forWrite, Step steps,
                 Resolved memo, Shapes.Cursor cursor) {
        this.type = type;
        this.db = db;
        this.alias = alias;
        this.hint = hint;
        this.forWrite = forWrite;
        this.steps = steps;
        this.memo = memo;
        this.cursor = cursor;
    }

    /** Every row of {@code type}, on {@code db} (or the installed Quarry when {@code null}). */
    static Plan of(Class<? extends Model> type, Quarry db) {
        Quarry target = db != null ? db : Quarry.installedOrNull();
        if (target == null) {
            return new Plan(type, db, null, null, false, null, null);
        }
        Registry r = target.registry();
        Shapes.Root root = Shapes.root(r, type);
        return db == null ? root.all().plan
                : new Plan(type, db, null, null, false, null, root.resolved(), root.cursor());
    }

    /** Every row of {@code type} on the installed Quarry, resolved as {@code resolved}: a {@link Shapes.Root}'s plan. */
    static Plan root(Class<? extends Model> type, Resolved resolved, Shapes.Cursor cursor) {
        return new Plan(type, null, null, null, false, null, resolved, cursor);
    }

    /**
     * The plan with one more step of a known shape: {@code key} says everything the step depends
     * on but {@code values} (plain values, in the order {@code slots} resolves them against the
     * tree before the step). When this shape was built before, the values are only prepared (a bad
     * one fails now, as in the tree) and the tree is left to be built when needed; otherwise the
     * step is applied at once and its shape remembered.
     */
    Plan then(Object key, List<Object> values, Function<QueryTree, List<ValueSlot>> slots, UnaryOperator<QueryTree> op) {
        Shapes.Cursor c = cursor;
        Quarry target = buildTarget();
        if (c == null || key == null || target == null || target.registry() != c.registry()) {
            return then(op);
        }
        Step next = new Step(steps, op);
        Shapes.Cursor known = c.known(key, values);
        if (known != null) {
            return new Plan(type, db, alias, hint, forWrite, next, null, known);
        }
        Registry r = c.registry();
        QueryTree before = tree(target); // kept on this plan: a base paged past its shapes is folded once
        QueryTree after = op.apply(before);
        Shapes.Cursor added = null;
        try {
            if (Steps.keyable(key)) {
                added = c.add(key, values, before, slots);
            }
        } catch (RuntimeException notCacheable) {
            added = null; // a value the tree took but its slot cannot: this query is built the usual way from here
        }
        return new Plan(type, db, alias, hint, forWrite, next, new Resolved(r, after), added);
    }

    /**
     * Where this plan stands after a one-lookup filter on {@code lookup} with {@code value} and then
     * the value-less step {@code next}, when both shapes are known (the value prepared as
     * {@link #then(Object, List, Function, UnaryOperator)} prepares it, throwing as it does), without
     * making either plan; {@code null} when they are not known, or not worth looking up.
     * {@code keyOf} makes the filter's key, as {@code then} is given it ({@code null}: no shape).
     */
    Shapes.Cursor knownFilterThen(String lookup, Object value, BiFunction<String, Object, Object> keyOf, Object next) {
        Shapes.Cursor c = cursor;
        if (c == null || lookup == null || value == null) {
            return null;
        }
        Quarry target = buildTarget();
        if (target == null || target.registry() != c.registry()) {
            return null;
        }
        Shapes.Cursor filtered = c.knownLeaf(lookup, value, keyOf);
        return filtered == null ? null : filtered.known(next, List.of());
    }

    /** The plan with one more step, applied at once when a Quarry is known (so errors surface now). */
    Plan then(UnaryOperator<QueryTree> op) {
        Step next = new Step(steps, op);
        Quarry target = buildTarget();
        Resolved resolved = null;
        if (target != null) {
            // This plan's tree is kept on it, so that more steps on the same base fold its steps once.
            resolved = new Resolved(target.registry(), op.apply(tree(target)));
        }
        return new Plan(type, db, alias, hint, forWrite, next, resolved);
    }

    /**
     * The plan with one more step, resolved only when the tree is needed: for a step that cannot
     * fail (a related manager's filter on its owner's key).
     */
    Plan thenLazily(UnaryOperator<QueryTree> op) {
        return new Plan(type, db, alias, hint, forWrite, new Step(steps, op), null);
    }

    /** Where the plan stands among {@code q}'s known shapes, or {@code null} when a step has none or it was built for other models. */
    Shapes.Cursor cursor(Quarry q) {
        Shapes.Cursor c = cursor;
        return c != null && c.registry() == q.registry() ? c : null;
    }

    /** Whether the steps so far have a known shape, so a next step's shape is worth computing. */
    boolean shaped() {
        return cursor != null;
    }

    /** Whether the plan has no step: every row of the model. */
    boolean isRoot() {
        return steps == null;
    }

    /** The same steps on another Quarry, resolved against its models at once (a database chosen by name must be one of its). */
    Plan using(Quarry other) {
        if (alias != null) {
            other.session(alias);
        }
        Registry r = other.registry();
        Resolved m = memo;
        Shapes.Cursor c = cursor;
        if (c != null && c.registry() == r) {
            return new Plan(type, other, alias, hint, forWrite, steps, m != null && m.registry() == r ? m : null, c);
        }
        Plan p = new Plan(type, other, alias, hint, forWrite, steps, null);
        p.memo = new Resolved(r, p.fold(r));
        return p;
    }

    /** The same plan on the named database of its Quarry, checked now when the Quarry is known. */
    Plan using(String database) {
        java.util.Objects.requireNonNull(database, "database");
        Quarry target = buildTarget();
        if (target != null) {
            target.session(database);
        }
        return new Plan(type, db, database, hint, forWrite, steps, memo, cursor);
    }

    /** The same plan with {@code instance} as the routing hint (a related manager's owner, a Ref's holder). */
    Plan hint(Model instance) {
        return new Plan(type, db, alias, instance, forWrite, steps, memo, cursor);
    }

    /** The same plan, routed as a write even for reads (selectForUpdate, getOrCreate's get: Django's {@code _for_write}). */
    Plan forWrite() {
        return forWrite ? this : new Plan(type, db, alias, hint, true, steps, memo, cursor);
    }

    /** The model whose rows the plan selects. */
    Class<? extends Model> type() {
        return type;
    }

    /** The Quarry to run on now: the bound one, or the installed one; refuses a closed Quarry. */
    Quarry quarry() {
        return db != null ? db.checkOpen() : Quarry.current();
    }

    /** The Quarry this plan is bound to, or {@code null} when it follows the installed one. */
    Quarry boundTo() {
        return db;
    }

    /** The database name given with {@code using("name")}, or {@code null}. */
    String alias() {
        return alias;
    }

    /** The routing hint, or {@code null}. */
    Model hint() {
        return hint;
    }

    /** The database of {@code q} a read ({@code write} false) or a write runs on: the named one, or the routers' choice. */
    Session session(Quarry q, boolean write) {
        return q.session(database(q, write));
    }

    /** The name of that database. */
    String database(Quarry q, boolean write) {
        return alias != null ? alias : q.route(write || forWrite, type, hint);
    }

    /** The tree resolved against {@code q}'s models. */
    QueryTree tree(Quarry q) {
        Registry r = q.registry();
        Resolved m = memo;
        if (m != null && m.registry() == r) {
            return m.tree();
        }
        QueryTree t = fold(r);
        memo = new Resolved(r, t);
        return t;
    }

    /** The Quarry a step added now is resolved against: the bound one, or the installed one ({@code null}: none yet). */
    Quarry buildTarget() {
        return db != null ? db : Quarry.installedOrNull();
    }

    /** The tree of these steps resolved as a subquery of {@code outer} (its OuterRefs resolve there). */
    QueryTree fold(QueryTree outer) {
        return apply(steps, outer.nested(outer.registry().meta(type)));
    }

    private QueryTree fold(Registry registry) {
        QueryTree t = registry.derived(new AllRows(type), k -> QueryTree.of(registry, registry.meta(k.type())));
        return apply(steps, t);
    }

    /** {@code t} with the steps up to {@code last} applied, first to last (the steps are linked from the last). */
    @SuppressWarnings("unchecked")
    private static QueryTree apply(Step last, QueryTree t) {
        int n = 0;
        for (Step s = last; s != null; s = s.previous()) {
            n++;
        }
        UnaryOperator<QueryTree>[] ops = new UnaryOperator[n];
        for (Step s = last; s != null; s = s.previous()) {
            ops[--n] = s.op();
        }
        for (UnaryOperator<QueryTree> op : ops) {
            t = op.apply(t);
        }
        return t;
    }
}
