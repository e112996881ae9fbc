package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.model.ReverseRelation;
import java.util.List;

/** The message for a relation name a model does not have, with the likely fix or the valid choices. */
final class UnknownRelation {
    private UnknownRelation() {}

    /** Why {@code name} is no to-many relation of {@code meta}, and what to write instead. */
    static String message(Registry registry, ModelMeta meta, String name) {
        for (ReverseRelation r : registry.reverseRelations(meta)) {
            String defaultAccessor = r.source().modelName() + "_set";
            if (name.equals(defaultAccessor) && r.renamed()) {
                return String.format("%s has no relation '%s': %s sets relatedName=\"%s\", which replaces the default "
                        + "'%s'. Use related(\"%s\", %s.class)", meta.name(), name, r.fieldLabel(), r.accessorName(),
                        defaultAccessor, r.accessorName(), r.source().name());
            }
            if (name.equals(defaultAccessor) && r.hidden()) {
                return String.format("%s has no relation '%s': %s hides its reverse side with relatedName=\"+\"",
                        meta.name(), name, r.fieldLabel());
            }
        }
        FieldMeta f = meta.field(name);
        if (f != null && f.isForeignKey()) {
            return String.format("'%s' on %s is a foreign key (one object), not a to-many relation: use its Ref, %s.%s.get()",
                    name, meta.name(), meta.modelName(), f.name());
        }
        List<String> choices = registry.relatedNames(meta);
        return String.format("%s has no relation '%s'. Choices are: %s", meta.name(), name,
                choices.isEmpty() ? "(none: no to-many relation reaches " + meta.name() + ")" : String.join(", ", choices));
    }
}
