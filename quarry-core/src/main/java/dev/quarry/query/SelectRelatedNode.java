package dev.quarry.query;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.ReverseRelation;
import java.util.List;

/**
 * A relation loaded in the same query: its table alias and the relations followed from there. Either a
 * forward foreign key ({@code reverse} is {@code null}), or the reverse side of a one-to-one field
 * ({@code reverse}; {@code foreignKey} is then the one-to-one field on {@code model}, joined LEFT).
 */
public record SelectRelatedNode(FieldMeta foreignKey, ModelMeta model, String alias, List<SelectRelatedNode> children,
                                ReverseRelation reverse) {
    /** A node; the children are copied. */
    public SelectRelatedNode {
        children = List.copyOf(children);
    }

    /** A node following a forward foreign key. */
    public SelectRelatedNode(FieldMeta foreignKey, ModelMeta model, String alias, List<SelectRelatedNode> children) {
        this(foreignKey, model, alias, children, null);
    }

    /** The name the path uses for this relation ({@code author}, or a reverse one-to-one's query name). */
    public String queryName() {
        return reverse != null ? reverse.queryName() : foreignKey.queryName();
    }

    /** Whether this node follows the reverse side of a one-to-one field. */
    public boolean isReverse() {
        return reverse != null;
    }
}
