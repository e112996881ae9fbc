package dev.quarry.query;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.util.List;

/** A forward foreign key loaded in the same query: its table alias and the keys followed from there. */
public record SelectRelatedNode(FieldMeta foreignKey, ModelMeta model, String alias, List<SelectRelatedNode> children) {
    /** A node; the children are copied. */
    public SelectRelatedNode {
        children = List.copyOf(children);
    }
}
