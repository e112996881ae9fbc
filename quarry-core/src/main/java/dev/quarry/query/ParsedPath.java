package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.Model;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.Hop;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.lookup.LookupRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * A lookup string split into the relations it crosses, the column it ends on and what follows
 * (transforms and the lookup): {@code books__review__rating__gte} crosses {@code books} and
 * {@code review}, ends on {@code rating}, and leaves {@code [gte]}.
 */
record ParsedPath(List<Hop> hops, FieldMeta field, List<String> rest, Hop endRelation) {

    /** What a parsed path depends on besides the registry. */
    private record Key(ModelMeta root, String path) {}

    /** The path parsed against {@code root}'s relations in {@code registry}, worked out once per registry, model and string. */
    static ParsedPath parse(Registry registry, ModelMeta root, String path) {
        if (path == null) {
            return parseNow(registry, root, null);
        }
        return registry.derived(new Key(root, path), k -> parseNow(registry, k.root(), k.path()));
    }

    private static ParsedPath parseNow(Registry registry, ModelMeta root, String path) {
        if (path == null || path.isEmpty()) {
            throw new FieldError(root.type(), path, "Empty lookup on " + root.name() + ". Choices are: "
                    + String.join(", ", registry.queryNames(root)));
        }
        String[] parts = dev.quarry.internal.Names.splitLookup(path);
        ModelMeta meta = root;
        List<Hop> hops = new ArrayList<>();
        FieldMeta field = null;
        Hop onRelation = null;
        int i = 0;
        while (i < parts.length) {
            String name = parts[i];
            FieldMeta f = meta.field(name);
            if (f != null && (!(f.isForeignKey() || f.isParentLink()) || name.equals(f.column()) || name.equals("pk"))) {
                field = f;
                i++;
                break;
            }
            Hop hop = name.isEmpty() ? null : registry.hop(meta, name);
            if (hop == null) {
                // A name of a multi-table parent (Restaurant's 'name' lives on Place): join up to it, then read it there.
                ModelMeta owner = name.isEmpty() ? null : registry.ancestorFor(meta, name);
                if (owner == null) {
                    throw unknown(registry, meta, name, path);
                }
                hops.addAll(Hop.toAncestor(meta, owner));
                meta = owner;
                continue;
            }
            if (hop.isForward()) {
                ModelMeta target = hop.to();
                String next = i + 1 < parts.length ? parts[i + 1] : null;
                if (next == null || endsHere(registry, target, next)) {
                    field = hop.forwardKey();
                    onRelation = hop;
                    i++;
                    break;
                }
                boolean nextIsPk = next.equals("pk") || next.equals(target.pk().name()) || next.equals(target.pk().queryName());
                if (nextIsPk && (i + 2 == parts.length || endsHere(registry, target, parts[i + 2]))) {
                    field = hop.forwardKey();
                    i += 2;
                    break;
                }
            }
            hops.add(hop);
            meta = hop.to();
            i++;
            if (i == parts.length || endsHere(registry, meta, parts[i])) {
                field = meta.pk();
                onRelation = hop;
                break;
            }
        }
        List<String> rest = List.copyOf(Arrays.asList(parts).subList(i, parts.length));
        return new ParsedPath(List.copyOf(hops), field, rest, onRelation);
    }

    private static boolean endsHere(Registry registry, ModelMeta meta, String next) {
        return LookupRegistry.isLookupOrTransform(next) && meta.field(next) == null && registry.hop(meta, next) == null
                && registry.ancestorFor(meta, next) == null;
    }

    private static FieldError unknown(Registry registry, ModelMeta meta, String name, String path) {
        String hint = "";
        if (name.endsWith("_set") && registry.reverseByAccessor(meta, name) != null) {
            hint = " ('" + name + "' is a reverse accessor; lookups use the query name '"
                    + registry.reverseByAccessor(meta, name).queryName() + "')";
        }
        return new FieldError(meta.type(), name, String.format("Cannot resolve keyword '%s' into field of %s (in lookup '%s')%s. Choices are: %s",
                name, meta.name(), path, hint, String.join(", ", registry.queryNames(meta))));
    }

    /** Whether the path names a relation itself ({@code author}, {@code books}) rather than a field. */
    boolean endsOnRelation() {
        return endRelation != null;
    }

    /** The relation the path names with nothing after it ({@code author}, {@code books}), or {@code null}. */
    Hop endRelationWithoutRest() {
        return rest.isEmpty() ? endRelation : null;
    }

    /** Whether crossing these relations may multiply rows. */
    boolean multiValued() {
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).multiValued()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a model instance (or one in a collection, for {@code in}) of another model than the
     * one this path compares keys with: the target of a foreign key, or the model whose key the
     * path ends on. Django: {@code Cannot query "Publisher object (1)": Must be "Author" instance.}
     */
    void checkInstances(Object value, String path) {
        if (!(value instanceof Model || value instanceof Collection<?> || value instanceof Object[])) {
            return; // no instance to check (the common case: a plain value)
        }
        Class<?> expected = field.isForeignKey() || field.isParentLink() ? field.relation().targetClass()
                : field.primaryKey() || endsOnRelation() ? field.model().type() : null;
        if (expected == null) {
            return;
        }
        Collection<?> values = value instanceof Collection<?> c ? c
                : value instanceof Object[] a ? Arrays.asList(a) : Collections.singletonList(value);
        for (Object v : values) {
            if (v instanceof Model m && !expected.isInstance(m)) {
                throw new dev.quarry.InvalidValueError(field.model().type(), path, String.format(
                        "Cannot query \"%s\" in lookup '%s': must be a %s instance", m, path, expected.getSimpleName()));
            }
        }
    }
}
