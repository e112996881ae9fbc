package dev.quarry.load;

import dev.quarry.model.ModelMeta;
import dev.quarry.query.QueryTree;
import java.util.HashSet;
import java.util.Set;

/**
 * Which levels of one {@code prefetchRelated} hold every row of their model, decided from the
 * structure of the queries (never by counting rows): the owners of a level that holds every row need
 * no IN list, since the level's query without it can only add rows of no owner, which the stitching
 * drops. The root holds every row when its query has no condition, slice or lock; a level loaded by a
 * reverse foreign key holds every row when its owners did, its foreign key cannot be {@code NULL} or
 * dangle, and its Prefetch QuerySet (if any) keeps every row; a level reached by a forward foreign key
 * or a many-to-many relation never does (targets no owner refers to are left out). Used by the thread
 * that runs one prefetch; not shared.
 */
public final class WholeLevels {
    private final boolean root;
    /** The paths (under their kept names) of the levels loaded so far that hold every row. */
    private final Set<String> whole = new HashSet<>();

    private WholeLevels(boolean root) {
        this.root = root;
    }

    /** The levels of a prefetch from the rows {@code top} loads: whole at the root when it keeps every row. */
    public static WholeLevels of(QueryTree top) {
        return new WholeLevels(keepsEveryRow(top));
    }

    /** The levels of a prefetch from rows that are not known to be every row (peers, a related manager). */
    public static WholeLevels none() {
        return new WholeLevels(false);
    }

    /**
     * The levels of a nested prefetch (a Prefetch QuerySet that prefetches again), starting from the rows
     * kept under {@code keptPath}: whole at its root when that level was.
     */
    public WholeLevels nested(String keptPath) {
        return new WholeLevels(whole.contains(keptPath));
    }

    /** Whether the owners of the first level (the rows the prefetch starts from) are every row of their model. */
    boolean root() {
        return root;
    }

    /** Whether the level kept under {@code keptPath}, loaded earlier in this prefetch, holds every row. */
    boolean isWhole(String keptPath) {
        return whole.contains(keptPath);
    }

    /** Records whether the level kept under {@code keptPath} holds every row of its model. */
    void record(String keptPath, boolean holdsEveryRow) {
        if (holdsEveryRow) {
            whole.add(keptPath);
        } else {
            whole.remove(keptPath);
        }
    }

    /**
     * Whether a model query returns every row of its model: no WHERE, HAVING or window condition
     * (every filter, exclude, {@code none()} and filtering annotation lands in one of them), no limit
     * or offset, no row lock, model instances rather than values. Joins and ordering add or reorder
     * rows but drop none (a repeated owner shares its slot); a plain DISTINCT keeps every row, since a
     * model row carries its primary key.
     */
    static boolean keepsEveryRow(QueryTree t) {
        return t.where() == null && t.having() == null && t.qualify() == null && !t.isSliced() && t.lock() == null
                && t.values() == null && t.extraColumns().isEmpty();
    }

    /**
     * Whether {@code owners} (instances of {@code meta}) that are every row of their model are every row
     * a relation to {@code target} can attach to: the same table, so not a multi-table child of it (whose
     * rows are only some of the parent's).
     */
    static boolean sameTable(ModelMeta meta, ModelMeta target) {
        return meta.concrete() == target.concrete();
    }
}
