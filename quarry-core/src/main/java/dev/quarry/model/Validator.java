package dev.quarry.model;

import dev.quarry.Ref;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Django's {@code full_clean()} rules for one instance: null, blank, max length, choices, the range
 * of whole numbers and the digits of decimals (the ranges {@code save()} enforces too).
 */
public final class Validator {
    private Validator() {}

    /** The messages of each invalid field, by field name; empty when the instance is valid. */
    public static Map<String, List<String>> errors(Object instance) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldMeta f : meta.allFields()) {
            if (f.auto() || f.isParentLink()) {
                continue;
            }
            Object v = f.get(instance);
            if (f.isForeignKey()) {
                Ref<?> ref = (Ref<?>) v;
                // No key, and no (unsaved) target assigned; a loaded reference whose key has no row is not empty.
                boolean empty = ref == null || (ref.id() == null && ref.get() == null);
                // Django's Field.validate: NULL where the column refuses it, else an empty value where blank is refused.
                if (empty && !f.nullable()) {
                    add(errors, f, "This field cannot be null.");
                } else if (empty && !f.options().blank()) {
                    add(errors, f, "This field cannot be blank.");
                }
                continue;
            }
            // Django's Field.validate returns at once for a field that is not editable: no null, blank or
            // choices check; its validators (length, range, digits, format) still run on a value.
            boolean editable = f.extras().editable();
            if (v == null) {
                // Declared defaults were applied when the instance was created, so a null here was set
                // afterwards (as Django); only an automatic date or a database default is still filled in on save.
                if (editable && !f.nullable() && !f.extras().hasDbDefault()) {
                    add(errors, f, "This field cannot be null.");
                }
                continue;
            }
            if (v instanceof String s) {
                if (s.isEmpty() && !f.options().blank() && editable) {
                    add(errors, f, "This field cannot be blank.");
                }
                String problem = s.isEmpty() || f.options().format() == null ? null : f.options().format().problem(s);
                if (problem != null) {
                    add(errors, f, problem);
                }
                int length = s.codePointCount(0, s.length());
                if (f.options().maxLength() > 0 && length > f.options().maxLength()) {
                    add(errors, f, String.format("Ensure this value has at most %d characters (it has %d).",
                            f.options().maxLength(), length));
                }
            }
            if ((v instanceof java.util.Map<?, ?> m && m.isEmpty() || v instanceof java.util.Collection<?> c && c.isEmpty())
                    && (f.type() == dev.quarry.spi.FieldType.JSON || f.type() == dev.quarry.spi.FieldType.ARRAY)
                    && !f.options().blank() && editable) {
                add(errors, f, "This field cannot be blank.");
            }
            if (v instanceof java.util.Collection<?> c && f.extras().arraySize() > 0 && c.size() > f.extras().arraySize()) {
                // Django's ArrayMaxLengthValidator.
                add(errors, f, String.format("List contains %d item%s, it should contain no more than %d.", c.size(),
                        c.size() == 1 ? "" : "s", f.extras().arraySize()));
            }
            if (v instanceof byte[] b) {
                if (b.length == 0 && !f.options().blank() && editable) {
                    add(errors, f, "This field cannot be blank.");
                }
                if (f.options().maxLength() > 0 && b.length > f.options().maxLength()) {
                    add(errors, f, String.format("Ensure this value has at most %d bytes (it has %d).",
                            f.options().maxLength(), b.length));
                }
            }
            // Choices are compared in their stored form: an enum's name or code, as declared.
            String stored = String.valueOf(f.toStored(v));
            if (editable && !f.options().choices().isEmpty() && !f.options().choices().contains(stored)) {
                add(errors, f, String.format("Value %s is not a valid choice. Choices are: %s", dev.quarry.internal.Excerpt.of(stored),
                        String.join(", ", f.options().choices())));
            }
            // Django's MinValueValidator/MaxValueValidator from integer_field_range, on every backend.
            if (f.type().isIntegral() && v instanceof Number n) {
                if (n.longValue() < f.type().minValue()) {
                    add(errors, f, "Ensure this value is greater than or equal to " + f.type().minValue() + ".");
                } else if (n.longValue() > f.type().maxValue()) {
                    add(errors, f, "Ensure this value is less than or equal to " + f.type().maxValue() + ".");
                }
            }
            if (v instanceof java.math.BigDecimal d && f.type() == dev.quarry.spi.FieldType.DECIMAL) {
                decimal(errors, f, d);
            }
        }
        return errors;
    }

    /** Django's DecimalValidator messages; trailing zeros do not count. */
    private static void decimal(Map<String, List<String>> errors, FieldMeta f, java.math.BigDecimal d) {
        java.math.BigDecimal s = d.signum() == 0 ? java.math.BigDecimal.ZERO : d.stripTrailingZeros();
        int places = Math.max(s.scale(), 0);
        int whole = Math.max(s.precision() - s.scale(), 0);
        int maxDigits = f.options().maxDigits();
        int maxPlaces = f.options().decimalPlaces();
        if (whole + places > maxDigits) {
            add(errors, f, String.format("Ensure that there are no more than %d digits in total.", maxDigits));
        } else if (places > maxPlaces) {
            add(errors, f, String.format("Ensure that there are no more than %d decimal places.", maxPlaces));
        } else if (whole > maxDigits - maxPlaces) {
            add(errors, f, String.format("Ensure that there are no more than %d digits before the decimal point.",
                    maxDigits - maxPlaces));
        }
    }

    private static void add(Map<String, List<String>> errors, FieldMeta f, String message) {
        errors.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(message);
    }
}
