package dev.quarry.model;

import dev.quarry.ImproperlyConfigured;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;

/** Builds the method handles that read and write model fields without reflection on the hot path. */
final class Accessors {
    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private Accessors() {}

    static MethodHandle getter(Field field) {
        try {
            return lookup(field.getDeclaringClass()).unreflectGetter(field).asType(GETTER);
        } catch (IllegalAccessException e) {
            throw new ImproperlyConfigured("Cannot read " + field + ": model fields must be public (" + e.getMessage() + ")");
        }
    }

    static MethodHandle setter(Field field) {
        try {
            return lookup(field.getDeclaringClass()).unreflectSetter(field).asType(SETTER);
        } catch (IllegalAccessException e) {
            throw new ImproperlyConfigured("Cannot write " + field + ": model fields must be public and not final (" + e.getMessage() + ")");
        }
    }

    static MethodHandle constructor(Class<?> type) {
        try {
            return lookup(type).findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ImproperlyConfigured("Model " + type.getName() + " needs a public no-argument constructor");
        }
    }

    private static MethodHandles.Lookup lookup(Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            return MethodHandles.publicLookup();
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
