package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Start-up checks of a model class that no SQL could report clearly (Django's system checks): a
 * public field Quarry would silently ignore, and a model extending a concrete model, which would
 * silently get a table of its own.
 */
final class ModelChecks {
    private ModelChecks() {}

    /**
     * Refuses a model that extends a concrete model: model inheritance (Django's multi-table
     * inheritance) is not supported yet. Abstract classes between the model and {@code Model} share
     * their fields, as Django's abstract base classes do.
     */
    static void inheritance(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Model.class; c = c.getSuperclass()) {
            if (!Modifier.isAbstract(c.getModifiers())) {
                throw new ImproperlyConfigured(String.format("%s extends the concrete model %s: model inheritance "
                        + "(Django's multi-table inheritance) is not supported yet, and %s would get a table of its own "
                        + "that repeats %s's columns. Make %s abstract to share its fields (as a Django abstract base "
                        + "class), or give %s a @ForeignKey to %s instead of extending it", type.getSimpleName(),
                        c.getSimpleName(), type.getSimpleName(), c.getSimpleName(), c.getSimpleName(), type.getSimpleName(),
                        c.getSimpleName()));
            }
        }
    }

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
