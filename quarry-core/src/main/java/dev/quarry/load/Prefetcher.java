package dev.quarry.load;

import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import dev.quarry.query.QueryTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * prefetch_related: for a path {@code books__review_set}, one query per level, the related rows
 * stitched onto their owners so that {@code related("books").all()} runs no query afterwards. This
 * class checks paths and walks them level by level; {@link PrefetchLevels} runs each level's query
 * (with an IN list of the owners' keys, or without one when {@link WholeLevels} knows the owners are
 * every row the relation can attach to) and stitches its rows.
 */
public final class Prefetcher {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private Prefetcher() {}

    /**
     * Prefetches {@code path} onto {@code instances} (all of one model), optionally with a custom query
     * for the last level and a name ({@code toAttr}) to keep the last level's rows under instead of the
     * relation's cache; returns the rows of the last level, for a nested prefetch to continue from. Every
     * level runs with an IN list of its owners' keys: {@code instances} are not known to be every row.
     */
    public static List<Object> prefetch(Session session, List<?> instances, String path, FetchMode mode, QueryTree lastLevel,
                                        String toAttr) {
        return prefetch(session, instances, path, mode, lastLevel, toAttr, WholeLevels.none());
    }

    /**
     * As {@link #prefetch(Session, List, String, FetchMode, QueryTree, String)}, where {@code levels} says
     * whether {@code instances} are every row of their model and records which levels loaded so far are:
     * a level whose owners are every row its relation can attach to runs without the IN list.
     */
    public static List<Object> prefetch(Session session, List<?> instances, String path, FetchMode mode, QueryTree lastLevel,
                                        String toAttr, WholeLevels levels) {
        List<Object> level = new ArrayList<>(instances);
        boolean whole = levels.root();
        String[] parts = dev.quarry.internal.Names.splitLookup(path);
        String kept = null;
        for (int i = 0; i < parts.length && !level.isEmpty(); i++) {
            ModelMeta meta = session.registry().meta(level.get(0).getClass());
            boolean last = i == parts.length - 1;
            String key = last && toAttr != null ? toAttr : parts[i];
            kept = kept == null ? key : kept + "__" + key;
            if (parentLink(meta, parts[i]) != null) {
                // Django's prefetch_related('place_ptr') reads the Place rows again (1 query); here they are the
                // child's own rows, already loaded: the path goes on from the same instances.
                if (last && (lastLevel != null || toAttr != null)) {
                    throw linkTakesNoQueryset(meta, parts[i], path);
                }
                continue;
            }
            PrefetchLevels.Level loaded = one(session, meta, level, parts[i], key, mode, last ? lastLevel : null, whole, levels,
                    kept);
            level = loaded.rows();
            whole = loaded.whole();
        }
        return level;
    }

    /** The path under which a Prefetch keeps its last level: its own, with the last name replaced by {@code toAttr}. */
    public static String keptPath(String path, String toAttr) {
        int i = path.lastIndexOf("__");
        return toAttr == null ? path : (i < 0 ? "" : path.substring(0, i + 2)) + toAttr;
    }

    /**
     * Checks the name a Prefetch keeps its rows under against the model owning the last level: it may not
     * be one of its fields or relations (Django: "to_attr=... conflicts with a field on the ... model").
     */
    public static void checkToAttr(Registry registry, ModelMeta root, String path, String toAttr, Map<String, ModelMeta> named) {
        int i = path.lastIndexOf("__");
        ModelMeta owner = i < 0 ? root : check(registry, root, path.substring(0, i), named);
        if (owner.anyField(toAttr) != null || owner.anyManyToMany(toAttr) != null || registry.reverseByAccessor(owner, toAttr) != null) {
            throw new FieldError(owner.type(), toAttr, String.format("Prefetch(\"%s\").to(\"%s\"): '%s' is already a field "
                    + "or relation of %s; keep the rows under another name, such as \"%sPrefetched\"", path, toAttr,
                    toAttr, owner.name(), toAttr));
        }
    }

    /**
     * Checks a prefetch path against the models before any SQL runs, so that a misspelt path fails
     * before the main query instead of after it; returns the model the path ends on.
     */
    public static ModelMeta check(Registry registry, ModelMeta root, String path) {
        return check(registry, root, path, Map.of());
    }

    /**
     * As {@link #check(Registry, ModelMeta, String)}, where the path may continue from the rows an earlier
     * Prefetch kept under a name: {@code named} maps such a path ({@code "recentBooks"},
     * {@code "books__good"}) to the model of its rows.
     */
    public static ModelMeta check(Registry registry, ModelMeta root, String path, Map<String, ModelMeta> named) {
        String[] parts = dev.quarry.internal.Names.splitLookup(path);
        ModelMeta meta = root;
        int start = 0;
        for (int k = parts.length; k >= 1 && start == 0; k--) {
            ModelMeta kept = named.get(String.join("__", java.util.Arrays.copyOfRange(parts, 0, k)));
            if (kept != null) {
                meta = kept;
                start = k;
            }
        }
        for (int i = start; i < parts.length; i++) {
            String name = parts[i];
            FieldMeta link = parentLink(meta, name);
            if (link != null) {
                meta = link.relation().target();
                continue;
            }
            ReverseRelation reverse = registry.reverseByAccessor(meta, name);
            // a relation a multi-table parent declares (Restaurant's city) too
            ManyToManyMeta m2m = meta.anyManyToMany(name);
            FieldMeta fk = meta.anyField(name);
            if (reverse != null) {
                meta = reverse.source();
            } else if (m2m != null) {
                meta = m2m.target();
            } else if (fk != null && fk.isForeignKey()) {
                meta = fk.relation().target();
            } else {
                throw notARelation(registry, meta, name, path);
            }
        }
        return meta;
    }

    /**
     * As {@link #check(Registry, ModelMeta, String, Map)}, for a Prefetch with its own queryset or
     * {@code to(...)} ({@code custom}): a path ending on a parent link is refused, since its rows are
     * the owners themselves.
     */
    public static ModelMeta check(Registry registry, ModelMeta root, String path, Map<String, ModelMeta> named,
                                  boolean custom) {
        ModelMeta end = check(registry, root, path, named);
        if (custom) {
            String[] parts = dev.quarry.internal.Names.splitLookup(path);
            String lastName = parts[parts.length - 1];
            ModelMeta owner = parts.length == 1 ? root : check(registry, root,
                    String.join("__", java.util.Arrays.copyOf(parts, parts.length - 1)), named);
            if (parentLink(owner, lastName) != null) {
                throw linkTakesNoQueryset(owner, lastName, path);
            }
        }
        return end;
    }

    private static FieldError linkTakesNoQueryset(ModelMeta meta, String name, String path) {
        return new FieldError(meta.type(), name, String.format("Prefetch(\"%s\") on %s: '%s' is the parent link, whose "
                + "rows are the %s rows themselves; it takes no queryset and no to(...)", path, meta.name(), name,
                meta.name()));
    }

    /**
     * The parent link named {@code name} of {@code meta} or of one of its multi-table parents ({@code place_ptr} of a
     * Restaurant or of an ItalianRestaurant), or {@code null}.
     */
    private static FieldMeta parentLink(ModelMeta meta, String name) {
        for (ModelMeta m = meta; m != null && !name.equals("pk"); m = m.parent()) {
            FieldMeta f = m.field(name);
            if (f != null && f.isParentLink() && !name.equals(f.column())) {
                return f;
            }
        }
        return null;
    }

    private static FieldError notARelation(Registry registry, ModelMeta meta, String name, String path) {
        List<String> choices = new ArrayList<>(registry.relatedNames(meta));
        choices.addAll(registry.oneToOneNames(meta));
        meta.allFields().stream().filter(f -> f.isForeignKey() && !f.isParentLink()).forEach(f -> choices.add(f.name()));
        return new FieldError(meta.type(), name, String.format("Cannot find '%s' on %s (in prefetchRelated(\"%s\")): it "
                + "is not a relation prefetchRelated can follow. Choices are: %s", name, meta.name(), path,
                String.join(", ", choices.stream().sorted().toList())));
    }

    /**
     * One level: the relation {@code name} of {@code owners}, its rows cached on each owner under {@code key};
     * {@code whole} when the owners are every row of their model. A level already loaded by an earlier
     * path is read from the owners, and is whole when {@code levels} recorded it so under {@code kept}.
     */
    private static PrefetchLevels.Level one(Session session, ModelMeta meta, List<?> owners, String name, String key,
                                            FetchMode mode, QueryTree custom, boolean whole, WholeLevels levels,
                                            String kept) {
        Map<String, List<Object>> first = ACCESS.prefetched(owners.get(0), false);
        if (first != null && first.containsKey(key)) {
            List<Object> next = new ArrayList<>();
            for (Object o : owners) {
                List<Object> cached = ACCESS.prefetched(o, true).get(key);
                if (cached != null) {
                    next.addAll(cached);
                }
            }
            return new PrefetchLevels.Level(next, whole && levels.isWhole(kept));
        }
        PrefetchLevels.Level level = load(session, meta, owners, name, key, mode, custom, whole);
        levels.record(kept, level.whole());
        return level;
    }

    private static PrefetchLevels.Level load(Session session, ModelMeta meta, List<?> owners, String name, String key,
                                             FetchMode mode, QueryTree custom, boolean whole) {
        Registry registry = session.registry();
        ReverseRelation reverse = registry.reverseByAccessor(meta, name);
        if (reverse != null && !reverse.isManyToMany()) {
            return PrefetchLevels.reverseForeignKey(session, meta, owners, key, reverse, mode, custom, whole);
        }
        ManyToManyMeta m2m = meta.anyManyToMany(name);
        if (m2m != null) {
            return PrefetchLevels.manyToMany(session, meta, owners, key, m2m.target(), m2m.source(), m2m.throughTable(),
                    m2m.targetColumn(), m2m.sourceColumn(), mode, custom, whole);
        }
        if (reverse != null) {
            ManyToManyMeta m = reverse.manyToMany();
            return PrefetchLevels.manyToMany(session, meta, owners, key, m.source(), m.target(), m.throughTable(),
                    m.sourceColumn(), m.targetColumn(), mode, custom, whole);
        }
        FieldMeta fk = meta.anyField(name);
        if (fk != null && fk.isForeignKey()) {
            return PrefetchLevels.forwardForeignKey(session, owners, fk, mode, custom, key.equals(name) ? null : key);
        }
        throw notARelation(registry, meta, name, name);
    }
}
