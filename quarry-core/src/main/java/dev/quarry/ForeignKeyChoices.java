package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Django's {@code ForeignKey.validate}, run by {@code fullClean()}: for each foreign key with a value
 * and no error yet, one query asking whether the target row exists and matches the field's
 * {@code limitChoicesTo} ("writer instance with id 3 does not exist.").
 */
final class ForeignKeyChoices {
    private ForeignKeyChoices() {}

    /** The filter a field's {@code limitChoicesTo} names, asked anew on each call (as Django's callable), or {@code null}. */
    static Q limit(FieldMeta fk) {
        Method m = fk.relation().limitChoicesTo();
        if (m == null) {
            return null;
        }
        try {
            return (Q) m.invoke(null);
        } catch (IllegalAccessException | InvocationTargetException e) {
            Throwable cause = e instanceof InvocationTargetException i ? i.getCause() : e;
            ImproperlyConfigured failed = new ImproperlyConfigured(fk + "'s limitChoicesTo method " + m.getName() + "() failed: "
                    + cause);
            failed.initCause(cause);
            throw failed;
        }
    }

    /** Adds the message of each foreign key of {@code instance} whose target is missing or outside its choices. */
    static void addErrors(Model instance, Map<String, List<String>> errors) {
        ModelMeta meta = ModelMeta.of(instance.getClass());
        for (FieldMeta f : meta.foreignKeys()) {
            Object target = errors.containsKey(f.name()) ? null : ((Ref<?>) f.get(instance)).id();
            if (target == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Class<Model> type = (Class<Model>) f.relation().targetClass();
            QuerySet<Model> choice = new QuerySet<>(type, Plan.of(type, instance.quarry()).hint(instance)).filter("pk", target);
            Q limit = limit(f);
            if (limit != null) {
                choice = choice.filter(limit);
            }
            if (!choice.exists()) {
                String pk = f.relation().target().pk().name();
                // Django: "<target verbose name> instance with <key> <value> does not exist."
                errors.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(String.format("%s instance with %s %s does not exist.",
                        UniqueOneToOne.words(type.getSimpleName()), pk, dev.quarry.internal.Excerpt.of(target)));
            }
        }
    }
}
