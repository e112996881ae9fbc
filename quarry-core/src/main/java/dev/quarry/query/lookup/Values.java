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
     * A lookup value for the left side {@code lhs} in the form its column stores, when {@code lhs} is the
     * column of a field with a converter: an enum constant becomes its name or code, a user type its
     * database value, element by element in a collection or array ({@code in}, {@code range}). Values of
     * other types (text, numbers, expressions) are left to {@link #coerce}.
     */
    public static Object toStored(dev.quarry.query.expr.Expr lhs, Object value) {
        if (!(lhs instanceof dev.quarry.query.expr.Col c) || c.field() == null || c.field().converter() == null) {
            return value;
        }
        dev.quarry.model.FieldMeta f = c.field();
        Class<?> j = f.converter().javaType();
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().map(v -> j.isInstance(v) ? f.toStored(v) : v).toList();
        }
        if (value instanceof Object[] items && !j.isInstance(value)) {
            return java.util.Arrays.stream(items).map(v -> j.isInstance(v) ? f.toStored(v) : v).toArray();
        }
        return j.isInstance(value) ? f.toStored(value) : value;
    }

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
            return FieldValues.forLookup(pk, type, subject, lookup);
        }
        if (value instanceof Ref<?> r) {
            return FieldValues.forLookup(r.id(), type, subject, lookup);
        }
        if (value instanceof Enum<?> e) {
            return FieldValues.forLookup(e.name(), type, subject, lookup);
        }
        return FieldValues.forLookup(value, type, subject, lookup);
    }
}
