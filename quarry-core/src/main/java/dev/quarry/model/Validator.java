package dev.quarry.model;

import dev.quarry.Ref;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Django's {@code full_clean()} rules for one instance: null, blank, max length, choices, positive numbers. */
public final class Validator {
    private Validator() {}

    /** The messages of each invalid field, by field name; empty when the instance is valid. */
    public static Map<String, List<String>> errors(Object instance) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (FieldMeta f : meta.fields()) {
            if (f.auto()) {
                continue;
            }
            Object v = f.get(instance);
            if (f.isForeignKey()) {
                Ref<?> ref = (Ref<?>) v;
                boolean empty = ref == null || (ref.id() == null && !ref.isLoaded()) || (ref.isLoaded() && ref.get() == null);
                if (empty && !f.nullable()) {
                    add(errors, f, "This field cannot be null.");
                }
                continue;
            }
            if (v == null) {
                // Declared defaults were applied when the instance was created, so a null here was set
                // afterwards (as Django); only an automatic date is still filled in on save.
                if (!f.nullable() && !(f.options().autoNow() || f.options().autoNowAdd())) {
                    add(errors, f, "This field cannot be null.");
                }
                continue;
            }
            if (v instanceof String s) {
                if (s.isEmpty() && !f.options().blank()) {
                    add(errors, f, "This field cannot be blank.");
                }
                int length = s.codePointCount(0, s.length());
                if (f.options().maxLength() > 0 && length > f.options().maxLength()) {
                    add(errors, f, String.format("Ensure this value has at most %d characters (it has %d).",
                            f.options().maxLength(), length));
                }
            }
            if (!f.options().choices().isEmpty() && !f.options().choices().contains(String.valueOf(v))) {
                add(errors, f, String.format("Value %s is not a valid choice. Choices are: %s", dev.quarry.internal.Excerpt.of(String.valueOf(v)),
                        String.join(", ", f.options().choices())));
            }
            if ((f.type() == dev.quarry.spi.FieldType.POSITIVE_INTEGER || f.type() == dev.quarry.spi.FieldType.POSITIVE_SMALLINT)
                    && v instanceof Number n && n.longValue() < 0) {
                add(errors, f, "Ensure this value is greater than or equal to 0.");
            }
            if (f.type() == dev.quarry.spi.FieldType.POSITIVE_SMALLINT && v instanceof Number n && n.longValue() > 32767) {
                add(errors, f, "Ensure this value is less than or equal to 32767.");
            }
        }
        return errors;
    }

    private static void add(Map<String, List<String>> errors, FieldMeta f, String message) {
        errors.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(message);
    }
}
