package dev.quarry.query;

import dev.quarry.FieldError;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.Hop;
import dev.quarry.model.JoinStep;
import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans {@code selectRelated}: which forward foreign keys to follow (the named paths, or every
 * non-null key a few levels deep when none is named) and the joins that load them.
 */
final class SelectRelatedPlan {
    private static final int MAX_DEPTH = 4;

    private JoinList joins;

    SelectRelatedPlan(JoinList joins) {
        this.joins = joins;
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
        if (fk == null || !fk.isForeignKey()) {
            throw new FieldError(meta.type(), parts[i], String.format("Invalid field name '%s' in selectRelated(\"%s\") on "
                    + "%s: selectRelated follows forward foreign keys; prefetchRelated loads to-many relations. Choices are: %s",
                    parts[i], path, meta.name(), String.join(", ", meta.foreignKeys().stream().map(FieldMeta::queryName).toList())));
        }
        List<SelectRelatedNode> out = new ArrayList<>(level);
        int index = -1;
        for (int k = 0; k < out.size(); k++) {
            if (out.get(k).foreignKey() == fk) {
                index = k;
            }
        }
        SelectRelatedNode node = index >= 0 ? out.get(index) : node(parentAlias, fk, false, 0);
        if (i < parts.length - 1) {
            node = new SelectRelatedNode(fk, node.model(), node.alias(),
                    merge(node.children(), node.alias(), node.model(), parts, i + 1, path));
        }
        if (index >= 0) {
            out.set(index, node);
        } else {
            out.add(node);
        }
        return out;
    }

    private SelectRelatedNode node(String parentAlias, FieldMeta fk, boolean recurse, int depth) {
        Hop hop = Hop.forward(fk);
        JoinStep step = hop.steps().get(0);
        JoinList.Joined j = joins.joinStep(parentAlias, step);
        joins = j.joins();
        ModelMeta target = hop.to();
        List<SelectRelatedNode> kids = new ArrayList<>();
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
