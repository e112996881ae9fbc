package dev.quarry.query.lookup;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.model.FieldValues;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.FieldType;

/** Converts lookup values to the Java type of the column they are compared with. */
public final class Values {
    private Values() {}

    /**
     * A model instance becomes its key, a {@code Ref} its id, an enum its name; text and numbers are
     * converted by {@link FieldValues#forLookup} (the same rules as assignment and defaults), which
     * throws {@code InvalidValueError} for a value the column cannot hold.
     */
    public static Object coerce(Object value, FieldType type, String subject, String lookup) {
        if (value instanceof Model m) {
            Object pk = ModelMeta.of(m.getClass()).pkValue(m);
            if (pk == null) {
                throw new dev.quarry.InvalidValueError(null, subject, "Cannot filter " + subject + " by an unsaved " + m.getClass().getSimpleName()
                        + ": save it first, so it has a primary key");
            }
            return pk;
        }
        if (value instanceof Ref<?> r) {
            return r.id();
        }
        if (value instanceof Enum<?> e) {
            return FieldValues.forLookup(e.name(), type, subject, lookup);
        }
        return FieldValues.forLookup(value, type, subject, lookup);
    }
}
