package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;

/**
 * Start-up checks of a model class that no SQL could report clearly (Django's system checks): a
 * public field Quarry would silently ignore, a relation field that points at no model. (The kinds of inheritance are checked by {@link Inheritance}.)
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

    /**
     * The target model of relation field {@code f} of model {@code name} ({@code Author} for {@code Ref<Author>}),
     * refusing a field of another type or a target that is not a model.
     */
    static Class<?> typeArgument(String name, Field f, Class<?> holder, String annotation) {
        if (!holder.isAssignableFrom(f.getType()) || !(f.getGenericType() instanceof ParameterizedType p)
                || !(p.getActualTypeArguments()[0] instanceof Class<?> target)) {
            throw new ImproperlyConfigured("@" + annotation + " on " + name + "." + f.getName() + " needs a field of type "
                    + holder.getSimpleName() + "<Target>, found " + f.getGenericType().getTypeName());
        }
        if (!Model.class.isAssignableFrom(target) || target == Model.class) {
            throw new ImproperlyConfigured("@" + annotation + " on " + name + "." + f.getName() + " points at "
                    + target.getName() + ", which is not a model (models extend dev.quarry.Model)");
        }
        return target;
    }
}
