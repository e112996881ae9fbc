package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.util.List;

/**
 * The two foreign keys of a many-to-many field's {@code through} model: the one to the declaring
 * model and the one to the target, found as Django finds them (one key to each side; for a model
 * related to itself, the first two keys in order; otherwise {@code throughFields}).
 *
 * @param sourceKey the through model's key to the declaring model ({@code Contract.book})
 * @param targetKey the through model's key to the target ({@code Contract.publisher})
 */
public record ThroughLink(FieldMeta sourceKey, FieldMeta targetKey) {

    /** Finds the two keys of {@code m}'s through model, or throws {@link ImproperlyConfigured} naming both models. */
    static ThroughLink resolve(ManyToManyMeta m, ModelMeta through, List<String> throughFields) {
        ModelMeta source = m.source();
        Class<?> target = m.targetClass();
        if (!throughFields.isEmpty()) {
            if (throughFields.size() != 2) {
                throw new ImproperlyConfigured(String.format("%s declares throughFields %s; give exactly two names: the key "
                        + "of %s to %s, then its key to %s", m, throughFields, through.name(), source.name(),
                        ModelMeta.of(target).name()));
            }
            return new ThroughLink(named(m, through, throughFields.get(0), source.type()),
                    named(m, through, throughFields.get(1), target));
        }
        List<FieldMeta> toSource = keysTo(through, source.type());
        if (source.type() == target) {
            if (toSource.size() != 2) {
                throw new ImproperlyConfigured(String.format("%s goes through %s, which has %d foreign keys to %s; a "
                        + "through model of a relation to itself needs two (from, to)%s", m, through.name(), toSource.size(),
                        source.name(), toSource.size() > 2 ? ": set throughFields = {\"from\", \"to\"} to choose" : ""));
            }
            return new ThroughLink(toSource.get(0), toSource.get(1));
        }
        return new ThroughLink(single(m, through, toSource, source.name()),
                single(m, through, keysTo(through, target), ModelMeta.of(target).name()));
    }

    private static List<FieldMeta> keysTo(ModelMeta through, Class<?> side) {
        return through.foreignKeys().stream().filter(f -> f.relation().targetClass() == side).toList();
    }

    private static FieldMeta single(ManyToManyMeta m, ModelMeta through, List<FieldMeta> keys, String side) {
        if (keys.isEmpty()) {
            throw new ImproperlyConfigured(String.format("%s goes through %s, which has no foreign key to %s; a through "
                    + "model needs a @ForeignKey to each side of the relation", m, through.name(), side));
        }
        if (keys.size() > 1) {
            throw new ImproperlyConfigured(String.format("%s goes through %s, which has more than one foreign key to %s "
                    + "(%s), so the link is ambiguous; set throughFields on %s to name the key to each side", m,
                    through.name(), side, String.join(", ", keys.stream().map(FieldMeta::name).toList()), m));
        }
        return keys.get(0);
    }

    private static FieldMeta named(ManyToManyMeta m, ModelMeta through, String name, Class<?> side) {
        FieldMeta f = through.field(name);
        String sideName = ModelMeta.of(side).name();
        if (f == null || !f.isForeignKey() || f.relation().targetClass() != side) {
            throw new ImproperlyConfigured(String.format("throughFields of %s names '%s', which is not a foreign key of %s "
                    + "to %s. Its keys to %s are: %s", m, name, through.name(), sideName, sideName,
                    keysTo(through, side).stream().map(FieldMeta::name).toList()));
        }
        return f;
    }
}
