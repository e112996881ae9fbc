package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Q;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * Finds the method a {@code @ForeignKey(limitChoicesTo = "...")} names: a static method of the
 * declaring model taking no argument and returning a {@link Q} (Django's callable
 * {@code limit_choices_to}), refused at start-up when it is missing or of another shape.
 */
final class LimitChoices {
    private LimitChoices() {}

    /** The method, made accessible, or {@code null} for an empty name. */
    static Method method(Class<?> model, String field, String name) {
        if (name.isEmpty()) {
            return null;
        }
        Method found = Arrays.stream(model.getDeclaredMethods()).filter(m -> m.getName().equals(name)
                && m.getParameterCount() == 0 && Modifier.isStatic(m.getModifiers()) && m.getReturnType() == Q.class)
                .findFirst().orElse(null);
        if (found == null) {
            throw new ImproperlyConfigured(String.format("%s.%s declares limitChoicesTo = \"%s\", but %s has no static "
                    + "method %s() returning Q: add 'static Q %s() { return Q.of(\"active\", true); }' (the filter of the "
                    + "targets the field may point at) or remove limitChoicesTo", model.getSimpleName(), field, name,
                    model.getSimpleName(), name, name));
        }
        found.setAccessible(true);
        return found;
    }
}
