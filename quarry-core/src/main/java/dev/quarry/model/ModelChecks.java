package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Start-up checks of a model class that no SQL could report clearly (Django's system checks): a
 * public field Quarry would silently ignore. (The kinds of inheritance are checked by {@link Inheritance}.)
 */
final class ModelChecks {
    private ModelChecks() {}

    /**
     * Refuses a public instance field of model {@code model} that has no Quarry annotation: it would
     * be neither stored nor loaded. Transient fields are the way to keep such state on an instance.
     */
    static void unannotated(Class<?> model, Field f) {
        int m = f.getModifiers();
        if (Modifier.isPublic(m) && !Modifier.isTransient(m) && !Modifier.isStatic(m)) {
            String declared = f.getDeclaringClass() == model ? "" : " (declared in " + f.getDeclaringClass().getSimpleName() + ")";
            throw new ImproperlyConfigured(String.format("%s.%s%s is a public field without a Quarry annotation, so it "
                    + "would be neither saved nor loaded: annotate it (@CharField, @IntegerField, ...) or declare it "
                    + "transient", model.getSimpleName(), f.getName(), declared));
        }
    }
}
