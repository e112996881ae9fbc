package dev.quarry.deletion;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which collected rows are deleted, so that no row goes while another row still refers
 * to it: a model after every collected model with a foreign key to it, and the rows of a model that
 * refers to itself level by level, replies before the comments they reply to. PostgreSQL and SQLite
 * check Quarry's foreign keys at commit, but MariaDB checks them row by row within a statement, so
 * {@code DELETE ... WHERE id IN (parent, reply)} fails there when the parent row goes first.
 */
final class DeletionOrder {
    /** For each model that refers to itself: each collected row's key to the keys of the rows it refers to. */
    private final Map<ModelMeta, Map<Object, List<Object>>> parents = new HashMap<>();

    /** Records that row {@code child} of {@code meta} refers to row {@code parent} of the same model. */
    void selfReference(ModelMeta meta, Object child, Object parent) {
        if (parent != null && !parent.equals(child)) {
            parents.computeIfAbsent(meta, m -> new HashMap<>()).computeIfAbsent(child, k -> new ArrayList<>(1)).add(parent);
        }
    }

    /**
     * The models in the order their rows are deleted: each after every other model of the list with a
     * foreign key to it; among those free to go, the last collected first (a referring model is
     * collected after the model it refers to). Models that refer to each other in a cycle keep that
     * order, which only databases checking foreign keys at commit accept.
     */
    static List<ModelMeta> models(List<ModelMeta> collected) {
        List<ModelMeta> remaining = new ArrayList<>(collected);
        List<ModelMeta> order = new ArrayList<>(collected.size());
        while (!remaining.isEmpty()) {
            ModelMeta next = null;
            for (int i = remaining.size() - 1; i >= 0 && next == null; i--) {
                ModelMeta candidate = remaining.get(i);
                if (remaining.stream().noneMatch(other -> other != candidate && refersTo(other, candidate))) {
                    next = candidate;
                }
            }
            if (next == null) {
                next = remaining.get(remaining.size() - 1);
            }
            remaining.remove(next);
            order.add(next);
        }
        return order;
    }

    private static boolean refersTo(ModelMeta source, ModelMeta target) {
        if (source.parent() == target.concrete()) {
            return true; // a multi-table child's parent link
        }
        for (FieldMeta fk : source.foreignKeys()) {
            if (fk.relation().target().concrete() == target.concrete()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows {@code keys} of {@code meta} in levels to delete one after the other: a row comes in a
     * later level than every row of {@code keys} that refers to it. One level when the model does
     * not refer to itself; rows that refer to each other in a cycle share the last level.
     */
    List<Collection<Object>> levels(ModelMeta meta, Collection<Object> keys) {
        Map<Object, List<Object>> up = parents.get(meta);
        if (up == null) {
            return List.of(keys);
        }
        Set<Object> all = new LinkedHashSet<>(keys);
        Map<Object, Integer> referrers = new HashMap<>();
        for (Object k : all) {
            for (Object p : up.getOrDefault(k, List.of())) {
                if (all.contains(p)) {
                    referrers.merge(p, 1, Integer::sum);
                }
            }
        }
        List<Collection<Object>> levels = new ArrayList<>();
        List<Object> level = new ArrayList<>();
        for (Object k : all) {
            if (!referrers.containsKey(k)) {
                level.add(k);
            }
        }
        Set<Object> done = new LinkedHashSet<>();
        while (!level.isEmpty()) {
            levels.add(level);
            done.addAll(level);
            List<Object> next = new ArrayList<>();
            for (Object k : level) {
                for (Object p : up.getOrDefault(k, List.of())) {
                    if (all.contains(p) && referrers.merge(p, -1, Integer::sum) == 0) {
                        next.add(p);
                    }
                }
            }
            level = next;
        }
        if (done.size() < all.size()) {
            List<Object> cycle = new ArrayList<>(all);
            cycle.removeAll(done);
            levels.add(cycle);
        }
        return levels;
    }
}
