package dev.quarry.load;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.FieldValues;
import java.util.function.UnaryOperator;

/**
 * Converts what a column reader returns into what a model's Java field holds, with the same width and
 * range rules as assignment ({@link FieldValues#fromColumn}); chosen once per query and field, so
 * reading a row allocates nothing beyond the boxed values.
 */
final class Coercion {
    private Coercion() {}

    /**
     * The conversion for a plain field (a converted field's stored value to its Java value, an enum's name
     * to its constant), or {@code null} when the reader's values already fit (or for a foreign key).
     */
    static UnaryOperator<Object> to(FieldMeta field) {
        if (field.isForeignKey()) {
            return null;
        }
        return field.converter() != null ? field::fromStored : FieldValues.fromColumn(field);
    }

    /**
     * The class of the values the conversion of {@link #to} returns unchanged, so a reader skips the call for
     * them (a {@code Long} key read as a {@code Long}): the field's boxed type for a number field without a
     * converter, whose conversion passes its own (final) type through; {@code null} when every value is converted
     * (or looked at: a decimal's places).
     */
    static Class<?> unchanged(FieldMeta field) {
        if (field.isForeignKey() || field.converter() != null || FieldValues.toPlaces(field) != null) {
            return null;
        }
        return field.boxedType();
    }
}
