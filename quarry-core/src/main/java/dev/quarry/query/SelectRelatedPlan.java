package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.Hop;
import dev.quarry.model.JoinStep;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code selectRelated}: which forward foreign keys (and, when named, reverse one-to-one sides)
 * to follow (the named paths, or every non-null key a few levels deep when none is named) and the
 * joins that load them.
 */
final class SelectRelatedPlan {
    private static final int MAX_DEPTH = 4;

    private JoinList joins;
    private final Registry registry;

    SelectRelatedPlan(JoinList joins, Registry registry) {
        this.joins = joins;
        this.registry = registry;
    }

    /** The joins after planning. */
    JoinList joins() {
        return joins;
    }

    /** {@code existing} extended with {@code paths} (or every non-null key when empty). */
    List<SelectRelatedNode> add(List<SelectRelatedNode> existing, String rootAlias, ModelMeta model, List<String> paths) {
        List<SelectRelatedNode> nodes = new ArrayList<>(existing);
        if (paths.isEmpty()) {
            for (FieldMeta fk : model.foreignKeys()) {
                if (!fk.nullable()) {
                    nodes.add(node(rootAlias, fk, true, 0));
                }
            }
            return List.copyOf(nodes);
        }
        for (String p : paths) {
            nodes = merge(nodes, rootAlias, model, dev.quarry.internal.Names.splitLookup(p), 0, p);
        }
        return List.copyOf(nodes);
    }

    private List<SelectRelatedNode> merge(List<SelectRelatedNode> level, String parentAlias, ModelMeta meta,
                                          String[] parts, int i, String path) {
        FieldMeta fk = meta.field(parts[i]);
        if (fk != null && fk.isParentLink() && !parts[i].equals("pk") && !parts[i].equals(fk.column())) {
            // Django: select_related('place_ptr') is accepted and adds no join (the parent's columns are already
            // read into the child); what follows it is followed from the parent ('place_ptr__city' as 'city').
            return i == parts.length - 1 ? level : intoParent(level, meta, parts, i + 1, path);
        }
        ReverseRelation reverse = fk != null ? null : registry.reverseByQueryName(meta, parts[i]);
        if (reverse != null && !reverse.isOneToOne()) {
            reverse = null;
        }
        if ((fk == null || !fk.isForeignKey()) && reverse == null && registry.ancestorFor(meta, parts[i]) != null) {
            return intoParent(level, meta, parts, i, path);
        }
        if ((fk == null || !fk.isForeignKey()) && reverse == null) {
            // As Django's: the forward relations, the parents' first and parent links included, then the reverse
            // one-to-ones of the model itself ("city, place_ptr, italianrestaurant" for a Restaurant).
            List<String> choices = new ArrayList<>();
            List<ModelMeta> chain = new ArrayList<>(meta.parents());
            java.util.Collections.reverse(chain);
            chain.add(meta);
            chain.forEach(m -> m.fields().stream().filter(f -> f.isForeignKey() || f.isParentLink())
                    .forEach(f -> choices.add(f.queryName())));
            registry.reverseRelations(meta).stream().filter(r -> r.isOneToOne() && !r.hidden())
                    .forEach(r -> choices.add(r.queryName()));
            throw new FieldError(meta.type(), parts[i], String.format("Invalid field name '%s' in selectRelated(\"%s\") on "
                    + "%s: selectRelated follows forward foreign keys and reverse one-to-one relations; prefetchRelated "
                    + "loads to-many relations. Choices are: %s", parts[i], path, meta.name(), String.join(", ", choices)));
        }
        FieldMeta via = reverse != null ? reverse.foreignKey() : fk;
        List<SelectRelatedNode> out = new ArrayList<>(level);
        int index = -1;
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k).foreignKey() == via && out.get(k).reverse() == reverse) {
                index = k;
            }
        }
        SelectRelatedNode node = index >= 0 ? out.get(index)
                : reverse != null ? reverseNode(parentAlias, reverse) : node(parentAlias, fk, false, 0);
        if (i < parts.length - 1) {
            node = new SelectRelatedNode(via, node.model(), node.alias(),
                    merge(node.children(), node.alias(), node.model(), parts, i + 1, path), reverse);
        }
        if (index >= 0) {
            out.set(index, node);
        } else {
            out.add(node);
        }
        return out;
    }

    /** Merges a path starting with a relation of a multi-table parent below that parent's node ({@code city} of Place). */
    private List<SelectRelatedNode> intoParent(List<SelectRelatedNode> level, ModelMeta meta, String[] parts, int i,
                                               String path) {
        List<SelectRelatedNode> out = new ArrayList<>(level);
        for (int k = 0; k < out.size(); k++) {
            SelectRelatedNode n = out.get(k);
            if (n.foreignKey() == meta.pk() && n.reverse() == null) {
                out.set(k, new SelectRelatedNode(n.foreignKey(), n.model(), n.alias(),
                        merge(n.children(), n.alias(), n.model(), parts, i, path)));
                return out;
            }
        }
        throw new IllegalStateException("no parent node of " + meta.name() + " for selectRelated(\"" + path + "\")");
    }

    /** The reverse side of a one-to-one, joined LEFT: a row without the related object stays. */
    private SelectRelatedNode reverseNode(String parentAlias, ReverseRelation reverse) {
        JoinList.Joined j = joins.joinStep(parentAlias, Hop.reverse(reverse).steps().get(0));
        joins = j.joins();
        return new SelectRelatedNode(reverse.foreignKey(), reverse.source(), j.alias(), parents(j.alias(), reverse.source()),
                reverse);
    }

    /**
     * The parents of a multi-table child loaded at {@code alias}, joined along each parent link: their columns
     * fill the same instance (a Restaurant holds Place's name), so every query of a child reads its parents'
     * tables too, as Django's does.
     */
    List<SelectRelatedNode> parents(String alias, ModelMeta meta) {
        if (meta.parent() == null) {
            return List.of();
        }
        FieldMeta link = meta.pk();
        JoinList.Joined j = joins.joinStep(alias, Hop.parent(link).steps().get(0));
        joins = j.joins();
        return List.of(new SelectRelatedNode(link, meta.parent(), j.alias(), parents(j.alias(), meta.parent())));
    }

    private SelectRelatedNode node(String parentAlias, FieldMeta fk, boolean recurse, int depth) {
        Hop hop = Hop.forward(fk);
        JoinStep step = hop.steps().get(0);
        JoinList.Joined j = joins.joinStep(parentAlias, step);
        joins = j.joins();
        ModelMeta target = hop.to();
        List<SelectRelatedNode> kids = new ArrayList<>(parents(j.alias(), target));
        if (recurse && depth < MAX_DEPTH) {
            for (FieldMeta next : target.foreignKeys()) {
                if (!next.nullable()) {
                    kids.add(node(j.alias(), next, true, depth + 1));
                }
            }
        }
        return new SelectRelatedNode(fk, target, j.alias(), kids);
    }
}
