package dev.quarry.query;

import dev.quarry.model.Hop;
import dev.quarry.model.JoinStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The joins of a query tree and the rules for adding one (Django's): single-valued joins are always
 * reused; a multi-valued join is reused only by conditions of the same {@code filter()} call
 * ({@code group}); joins made by annotate, orderBy, values and selectRelated ({@code group < 0})
 * reuse the latest matching join. A join becomes LEFT OUTER where a missing row matters and stays
 * so below an outer join. Immutable: adding returns a new list and the alias it reached.
 */
final class JoinList {
    static final int NO_GROUP = -1;

    private final List<Join> joins;
    private final char prefix;
    private final String rootAlias;

    private JoinList(List<Join> joins, char prefix, String rootAlias) {
        this.joins = joins;
        this.prefix = prefix;
        this.rootAlias = rootAlias;
    }

    static JoinList empty(char prefix, String rootAlias) {
        return new JoinList(List.of(), prefix, rootAlias);
    }

    /** The joins in order. */
    List<Join> joins() {
        return joins;
    }

    int size() {
        return joins.size();
    }

    /** The list after joining these hops from the root, and the alias of the last table. */
    record Joined(JoinList joins, String alias) {}

    /** Adds (or reuses) the joins of these hops for filter call {@code group} (or {@link #NO_GROUP}). */
    Joined join(List<Hop> hops, int group, boolean outer) {
        String alias = rootAlias;
        boolean parentOuter = false;
        // Copied only when a join is added or promoted: a path whose joins are all there already
        // (a second aggregate over the same relation) keeps this list.
        List<Join> list = joins;
        boolean copied = false;
        for (int h = 0; h < hops.size(); h++) { // indexed: no iterator per path resolved
            List<JoinStep> steps = hops.get(h).steps();
            for (int s = 0; s < steps.size(); s++) {
                JoinStep step = steps.get(s);
                boolean wantOuter = parentOuter || outer || (group < 0 && step.nullable());
                Join j = find(list, alias, step, group);
                if (j == null || (wantOuter && j.type() == Join.JoinType.INNER)) {
                    if (!copied) {
                        list = new ArrayList<>(joins.size() + hops.size() + 1);
                        list.addAll(joins);
                        copied = true;
                    }
                    j = add(list, alias, step, group, wantOuter);
                }
                parentOuter = j.type() == Join.JoinType.LEFT;
                alias = j.alias();
            }
        }
        return new Joined(copied ? with(list) : this, alias);
    }

    /**
     * Reuses the join of {@code step} below {@code parentAlias} as it is, or adds one that is outer
     * when the step is nullable or the parent is outer (select_related).
     */
    Joined joinStep(String parentAlias, JoinStep step) {
        Join found = find(joins, parentAlias, step, NO_GROUP);
        if (found != null) {
            return new Joined(this, found.alias());
        }
        List<Join> list = new ArrayList<>(joins);
        boolean parentOuter = false;
        for (Join x : list) {
            if (x.alias().equals(parentAlias) && x.type() == Join.JoinType.LEFT) {
                parentOuter = true;
                break;
            }
        }
        Join j = add(list, parentAlias, step, NO_GROUP, step.nullable() || parentOuter);
        return new Joined(with(list), j.alias());
    }

    /** Joins a table that is not a model relation (a many-to-many table read by a prefetch), always new. */
    Joined joinNew(String parentAlias, JoinStep step) {
        List<Join> list = new ArrayList<>(joins);
        Join j = new Join(nextAlias(list, step.table()), parentAlias, step, Join.JoinType.INNER, NO_GROUP);
        list.add(j);
        return new Joined(with(list), j.alias());
    }

    private Join add(List<Join> list, String parent, JoinStep step, int group, boolean outer) {
        Join j = find(list, parent, step, group);
        if (j == null) {
            j = new Join(nextAlias(list, step.table()), parent, step, outer ? Join.JoinType.LEFT : Join.JoinType.INNER, group);
            list.add(j);
        } else if (outer && j.type() == Join.JoinType.INNER) {
            Join promoted = j.withType(Join.JoinType.LEFT);
            list.set(list.indexOf(j), promoted);
            j = promoted;
        }
        return j;
    }

    private static Join find(List<Join> list, String parent, JoinStep step, int group) {
        Join found = null;
        for (int i = 0; i < list.size(); i++) {
            Join j = list.get(i);
            if (j.parentAlias().equals(parent) && (j.step() == step || j.step().equals(step))) { // steps are the registry's, shared
                if (!step.multiValued()) {
                    return j;
                }
                if (group < 0 || j.group() == group) {
                    found = j;
                }
            }
        }
        return found;
    }

    private String nextAlias(List<Join> list, String table) {
        if (prefix == 0 && !taken(list, table)) {
            return table;
        }
        // Counting from the list's size; past aliases still in use when joins were dropped (retain).
        int n = list.size() + (prefix != 0 ? 1 : 2);
        String alias = prefix != 0 ? prefix + String.valueOf(n) : "T" + n;
        while (taken(list, alias)) {
            n++;
            alias = prefix != 0 ? prefix + String.valueOf(n) : "T" + n;
        }
        return alias;
    }

    private boolean taken(List<Join> list, String alias) {
        if (alias.equals(rootAlias)) {
            return true;
        }
        for (Join j : list) {
            if (j.alias().equals(alias)) {
                return true;
            }
        }
        return false;
    }

    /** The list with only {@code kept} (a subset, in order, each join's parent kept too). */
    JoinList retain(List<Join> kept) {
        return with(List.copyOf(kept));
    }

    private JoinList with(List<Join> list) {
        return new JoinList(Collections.unmodifiableList(list), prefix, rootAlias);
    }

    /** Whether any join after the first {@code from} may multiply rows. */
    boolean addsMultiValued(int from) {
        for (int i = from; i < joins.size(); i++) {
            if (joins.get(i).step().multiValued()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a multi-valued join made outside filter() calls is there. */
    boolean hasUngroupedMultiValued() {
        for (int i = 0; i < joins.size(); i++) {
            if (joins.get(i).step().multiValued() && joins.get(i).group() < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether any join may multiply rows. */
    boolean hasMultiValued() {
        return addsMultiValued(0);
    }
}
