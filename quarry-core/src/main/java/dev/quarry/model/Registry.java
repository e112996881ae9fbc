package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The models of one Quarry, checked together: every relation's target is a model, every reverse
 * side is computed, and two reverse names that clash are an error naming both fields. A value:
 * built once, never changed, so two Quarrys with different models never see each other's reverse
 * sides. Model metadata itself ({@link ModelMeta}) depends only on the class and is shared.
 */
public final class Registry {
    private final Map<Class<?>, ModelMeta> models;
    private final Map<ModelMeta, Reverse> reverse;
    /** Class names shared by two models of this registry, counted under their qualified names. */
    private final Set<String> sharedNames;
    /** Values worked out from these models alone (parsed lookup paths), by key; see {@link #derived}. */
    private final ConcurrentHashMap<Object, Object> derived = new ConcurrentHashMap<>();
    /** How many values {@link #derived} keeps of each kind of key (the key's class). */
    private final ConcurrentHashMap<Class<?>, AtomicInteger> derivedKinds = new ConcurrentHashMap<>();

    /**
     * The most derived values a registry keeps of one kind of key (lookup strings built from data,
     * such as a sort order taken from a request, could otherwise grow it without end); a kind that
     * reaches it leaves the other kinds their room.
     */
    public static final int DERIVED_CAPACITY = 4096;

    /** The reverse sides of one model, by accessor and by query name. */
    private record Reverse(List<ReverseRelation> all, Map<String, ReverseRelation> byAccessor,
                           Map<String, ReverseRelation> byQueryName) {
        static final Reverse NONE = new Reverse(List.of(), Map.of(), Map.of());
    }

    private Registry(Map<Class<?>, ModelMeta> models, Map<ModelMeta, Reverse> reverse) {
        this.models = models;
        this.reverse = reverse;
        this.sharedNames = TableNames.sharedNames(models.values());
    }

    /**
     * The value {@code compute} derives from this registry's models for {@code key} (a value with
     * equality, naming everything the value depends on besides these models), computed once and then
     * shared: the registry never changes, so neither does the value. A computation that throws keeps
     * nothing, so the same error is thrown again. Thread-safe: threads that compute the same key at
     * once all get the value kept. At most {@value #DERIVED_CAPACITY} values are kept per kind of key
     * (its class); later ones of that kind are computed each time, and the other kinds are still kept.
     */
    @SuppressWarnings("unchecked")
    public <K, V> V derived(K key, java.util.function.Function<K, V> compute) {
        Object v = derived.get(key);
        if (v == null) {
            v = compute.apply(key);
            AtomicInteger kept = derivedKinds.computeIfAbsent(key.getClass(), k -> new AtomicInteger());
            if (reserve(kept)) {
                Object raced = derived.putIfAbsent(key, v);
                if (raced != null) {
                    kept.decrementAndGet();
                    v = raced;
                }
            }
        }
        return (V) v;
    }

    /** Counts one more value of a kind before it is kept, unless the kind is full: racing threads never keep more than the bound. */
    private static boolean reserve(AtomicInteger kept) {
        for (int n = kept.get(); n < DERIVED_CAPACITY; n = kept.get()) {
            if (kept.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The registry of these models and of every model their relations reach, with the reverse
     * sides computed and checked; throws {@link ImproperlyConfigured} naming the fields at fault.
     */
    public static Registry of(Collection<? extends Class<?>> declared) {
        Map<Class<?>, ModelMeta> all = new LinkedHashMap<>();
        Map<ModelMeta, Reverse> reverse = new HashMap<>();
        build(declared, all, reverse, e -> {
            throw e;
        });
        return new Registry(java.util.Collections.unmodifiableMap(all), Map.copyOf(reverse));
    }

    /**
     * Every problem the start-up checks find in these models (and those their relations reach), at once
     * instead of the first ({@code quarry check}): each model whose metadata is refused (its first problem),
     * and every relation, table and reverse-name problem among the others. Empty when {@link #of} would succeed.
     */
    public static List<ImproperlyConfigured> problems(Collection<? extends Class<?>> declared) {
        List<ImproperlyConfigured> found = new ArrayList<>();
        build(declared, new LinkedHashMap<>(), new HashMap<>(), found::add);
        return List.copyOf(found);
    }

    /** Reads and checks the models into {@code all} and {@code reverse}, handing each problem to {@code problems}. */
    private static void build(Collection<? extends Class<?>> declared, Map<Class<?>, ModelMeta> all,
                              Map<ModelMeta, Reverse> reverse, Consumer<ImproperlyConfigured> problems) {
        Deque<Class<?>> todo = new ArrayDeque<>(declared);
        Set<Class<?>> refused = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> type = todo.pollFirst();
            if (all.containsKey(type) || refused.contains(type)) {
                continue;
            }
            ModelMeta meta;
            try {
                meta = ModelMeta.of(type);
            } catch (ImproperlyConfigured e) {
                refused.add(type);
                problems.accept(e);
                continue;
            }
            if (meta.isAbstract()) {
                refused.add(type);
                problems.accept(new ImproperlyConfigured(String.format("%s is abstract: an abstract model (Django's "
                        + "abstract base class) has no table and no rows. Register its concrete subclasses instead, and "
                        + "point relations at one of them", meta.name())));
                continue;
            }
            all.put(type, meta);
            if (meta.parent() != null) {
                todo.addLast(meta.parent().type());
            }
            if (meta.isProxy()) {
                todo.addLast(meta.concrete().type());
            }
            for (FieldMeta fk : meta.foreignKeys()) {
                todo.addLast(fk.relation().targetClass());
            }
            for (ManyToManyMeta m : meta.manyToMany()) {
                todo.addLast(m.targetClass());
                if (m.hasThroughModel()) {
                    todo.addLast(m.throughClass());
                }
            }
        }
        for (ModelMeta meta : all.values()) {
            for (ManyToManyMeta m : meta.manyToMany()) {
                if (refused.contains(m.targetClass()) || m.hasThroughModel() && refused.contains(m.throughClass())) {
                    continue; // the refused model's own problem is reported
                }
                try {
                    m.link(); // a through model without a key to each side fails here, naming both models
                } catch (ImproperlyConfigured e) {
                    problems.accept(e);
                }
            }
        }
        TableNames.checkUnique(all.values(), problems);
        Map<ModelMeta, List<ReverseRelation>> found = new HashMap<>();
        for (ModelMeta meta : all.values()) {
            if (meta.isProxy()) {
                continue; // a proxy's relations are its concrete model's
            }
            // As Django: a relation to a proxy is a reverse side of the concrete model (and so of every proxy of it).
            for (FieldMeta fk : meta.foreignKeys()) {
                if (!refused.contains(fk.relation().targetClass())) {
                    found.computeIfAbsent(fk.relation().target().concrete(), k -> new ArrayList<>()).add(ReverseRelation.of(fk));
                }
            }
            for (ManyToManyMeta m : meta.manyToMany()) {
                if (!refused.contains(m.targetClass())) {
                    found.computeIfAbsent(m.target().concrete(), k -> new ArrayList<>()).add(ReverseRelation.of(m));
                }
            }
            if (meta.parent() != null) {
                // The parent link's reverse side: place.relatedOne("restaurant", Restaurant.class), restaurant__... lookups.
                found.computeIfAbsent(meta.parent(), k -> new ArrayList<>()).add(ReverseRelation.of(meta.pk()));
            }
        }
        for (ModelMeta meta : all.values()) {
            if (!meta.isProxy()) {
                List<ReverseRelation> relations = found.getOrDefault(meta, List.of());
                check(meta, relations, problems);
                reverse.put(meta, index(relations));
            }
        }
        for (ModelMeta meta : all.values()) {
            if (meta.isProxy()) {
                reverse.put(meta, reverse.get(meta.concrete()));
            }
        }
    }

    private static Reverse index(List<ReverseRelation> relations) {
        Map<String, ReverseRelation> byQuery = new HashMap<>();
        Map<String, ReverseRelation> byAccessor = new HashMap<>();
        for (ReverseRelation r : relations) {
            if (!r.hidden()) {
                byQuery.put(r.queryName(), r);
                byAccessor.put(r.accessorName(), r);
            }
        }
        return new Reverse(List.copyOf(relations), Map.copyOf(byAccessor), Map.copyOf(byQuery));
    }

    // ----- the models -----

    /** The models, in registration order (those named first, then those their relations reach). */
    public List<ModelMeta> models() {
        return List.copyOf(models.values());
    }

    /** Whether this registry holds the model. */
    public boolean contains(Class<?> type) {
        return models.containsKey(type);
    }

    /**
     * The metadata of a model of this registry; a class that is not one of its models is refused
     * before any SQL, with the fix.
     */
    public ModelMeta meta(Class<?> type) {
        ModelMeta m = models.get(type);
        if (m == null) {
            throw new ImproperlyConfigured(String.format("%s is not a model of this Quarry, so it has no table here. "
                    + "Its models are: %s. Add %s.class to Quarry.builder().models(...)", type.getSimpleName(),
                    String.join(", ", models.values().stream().map(ModelMeta::name).sorted().toList()),
                    type.getSimpleName()));
        }
        return m;
    }

    /**
     * The key of a model in deletion counts: its class name ({@code Book}), or its qualified class name when
     * another model of this registry has the same class name, so that two {@code Tag}s never merge.
     */
    public String countLabel(ModelMeta meta) {
        return sharedNames.contains(meta.name()) ? meta.type().getName() : meta.label();
    }

    /** The key of a many-to-many link table in deletion counts: the owner's {@link #countLabel} and the field ({@code Book_tags}). */
    public String countLabel(ManyToManyMeta m) {
        return countLabel(m.source()) + m.label().substring(m.source().name().length());
    }

    // ----- reverse sides -----

    /** Every relation that points at {@code meta} (hidden ones included, for deletion). */
    public List<ReverseRelation> reverseRelations(ModelMeta meta) {
        return reverse(meta).all();
    }

    /** A reverse relation of {@code meta} by its query name ({@code books}, {@code review}), or {@code null}. */
    public ReverseRelation reverseByQueryName(ModelMeta meta, String queryName) {
        return reverse(meta).byQueryName().get(queryName);
    }

    /** A reverse relation of {@code meta} by its accessor name ({@code books}, {@code review_set}), or {@code null}. */
    public ReverseRelation reverseByAccessor(ModelMeta meta, String accessor) {
        ReverseRelation r = reverse(meta).byAccessor().get(accessor);
        // A multi-table child has its parents' reverse sides too (restaurant.related("reviews")): same key.
        return r != null || meta.parent() == null ? r : reverseByAccessor(meta.parent(), accessor);
    }

    private Reverse reverse(ModelMeta meta) {
        return reverse.getOrDefault(meta, Reverse.NONE);
    }

    /**
     * The relation reached from {@code meta} by a lookup name, as joins to walk, or {@code null}:
     * a foreign key, a many-to-many field, or a reverse query name.
     */
    public Hop hop(ModelMeta meta, String queryName) {
        FieldMeta f = meta.field(queryName);
        if (f != null && f.isForeignKey() && !queryName.equals(f.column())) {
            return Hop.forward(f);
        }
        if (f != null && f.isParentLink() && !queryName.equals(f.column())) {
            return Hop.parent(f);
        }
        ManyToManyMeta m = meta.manyToMany(queryName);
        if (m != null) {
            return Hop.manyToMany(m);
        }
        ReverseRelation r = reverseByQueryName(meta, queryName);
        return r == null ? null : Hop.reverse(r);
    }

    /**
     * The multi-table ancestor of {@code meta} on whose table a lookup name lives (an inherited field, relation
     * or reverse relation: {@code name} on {@code Restaurant} lives on {@code Place}), or {@code null}.
     */
    public ModelMeta ancestorFor(ModelMeta meta, String name) {
        for (ModelMeta p = meta.parent(); p != null; p = p.parent()) {
            if (p.field(name) != null || (hop(p, name) != null && !isParentLinkSide(p, name))) {
                return p;
            }
        }
        return null;
    }

    /**
     * Whether {@code queryName} on {@code meta} is the reverse side of a child's parent link ({@code restaurant} on
     * Place). A child does not inherit these, as in Django: {@code Restaurant.objects.filter(restaurant__seats=40)}
     * is "Cannot resolve keyword 'restaurant' into field".
     */
    private boolean isParentLinkSide(ModelMeta meta, String queryName) {
        ReverseRelation r = reverseByQueryName(meta, queryName);
        return r != null && r.ofParentLink();
    }

    /**
     * Every name a lookup on {@code meta} may start with, sorted: fields, relations, reverse query names (its
     * parents' too, but the parents' reverse sides of parent links, which Django does not give a child).
     */
    public List<String> queryNames(ModelMeta meta) {
        return List.copyOf(queryNames(meta, false));
    }

    private TreeSet<String> queryNames(ModelMeta meta, boolean inherited) {
        TreeSet<String> names = new TreeSet<>();
        if (meta.parent() != null) {
            names.addAll(queryNames(meta.parent(), true));
        }
        for (FieldMeta f : meta.fields()) {
            names.add(f.queryName());
            if (f.isForeignKey() || f.isParentLink()) {
                names.add(f.column());
            }
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            names.add(m.queryName());
        }
        reverse(meta).byQueryName().forEach((name, r) -> {
            if (!inherited || !r.ofParentLink()) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every to-many relation name {@code related(...)} accepts on {@code meta}, sorted. */
    public List<String> relatedNames(ModelMeta meta) {
        TreeSet<String> names = new TreeSet<>();
        if (meta.parent() != null) {
            names.addAll(relatedNames(meta.parent()));
        }
        reverse(meta).byAccessor().forEach((name, r) -> {
            if (!r.isOneToOne()) {
                names.add(name);
            }
        });
        for (ManyToManyMeta m : meta.manyToMany()) {
            names.add(m.name());
        }
        return List.copyOf(names);
    }

    /** Every reverse one-to-one accessor {@code relatedOne(...)} accepts on {@code meta}, sorted. */
    public List<String> oneToOneNames(ModelMeta meta) {
        TreeSet<String> names = new TreeSet<>();
        if (meta.parent() != null) {
            names.addAll(oneToOneNames(meta.parent()));
        }
        reverse(meta).byAccessor().forEach((name, r) -> {
            if (r.isOneToOne()) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    // ----- start-up checks -----

    private static void checkNames(ModelMeta meta, Consumer<ImproperlyConfigured> problems) {
        for (FieldMeta f : meta.fields()) {
            checkName(meta, f.name(), f.queryName(), problems);
        }
        for (ManyToManyMeta m : meta.manyToMany()) {
            checkName(meta, m.name(), m.queryName(), problems);
        }
    }

    private static void checkName(ModelMeta meta, String javaName, String queryName, Consumer<ImproperlyConfigured> problems) {
        if (queryName.contains("__") || queryName.endsWith("_") || queryName.equals("pk")) {
            problems.accept(new ImproperlyConfigured(String.format("Field name '%s' of %s would make lookups ambiguous: names may not "
                    + "contain '__', end with '_', or be 'pk'", javaName, meta.name())));
        }
    }

    private static void check(ModelMeta target, List<ReverseRelation> relations, Consumer<ImproperlyConfigured> problems) {
        checkNames(target, problems);
        Map<String, ReverseRelation> accessors = new HashMap<>();
        Map<String, ReverseRelation> queries = new HashMap<>();
        for (ReverseRelation r : relations) {
            if (r.hidden()) {
                continue;
            }
            if (r.queryName().contains("__") || r.accessorName().contains("__")) {
                problems.accept(new ImproperlyConfigured(String.format("Reverse name '%s' of %s contains '__', which "
                        + "lookups use to span relations", r.queryName(), r.fieldLabel())));
                continue;
            }
            ReverseRelation a = accessors.put(r.accessorName(), r);
            if (a != null) {
                problems.accept(clash("accessor", r.accessorName(), target, a, r));
            }
            ReverseRelation q = queries.put(r.queryName(), r);
            if (q != null) {
                problems.accept(clash("query name", r.queryName(), target, q, r));
            }
            String fieldClash = target.field(r.accessorName()) != null ? r.accessorName()
                    : target.manyToMany(r.accessorName()) != null ? r.accessorName()
                    : target.field(r.queryName()) != null || target.manyToMany(r.queryName()) != null ? r.queryName() : null;
            if (fieldClash != null) {
                problems.accept(new ImproperlyConfigured(String.format(
                        "Reverse name '%s' of %s clashes with field %s.%s; give %s a different relatedName",
                        fieldClash, r.fieldLabel(), target.name(), fieldClash, r.fieldLabel())));
            }
        }
    }

    private static ImproperlyConfigured clash(String what, String name, ModelMeta target,
                                              ReverseRelation first, ReverseRelation second) {
        return new ImproperlyConfigured(String.format(
                "Reverse %s '%s' on %s is claimed by both %s and %s; give one of them a relatedName",
                what, name, target.name(), first.fieldLabel(), second.fieldLabel()));
    }

    @Override
    public String toString() {
        return "Registry" + models.values();
    }
}
