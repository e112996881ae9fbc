package dev.quarry.load;

import java.util.function.UnaryOperator;

/** Converts what a column reader returns into what a Java field of a given type accepts. */
final class Coercion {
    private Coercion() {}

    static UnaryOperator<Object> to(Class<?> javaType) {
        if (javaType == int.class || javaType == Integer.class) {
            return v -> v instanceof Number n && !(v instanceof Integer) ? (Object) n.intValue() : v;
        }
        if (javaType == long.class || javaType == Long.class) {
            return v -> v instanceof Number n && !(v instanceof Long) ? (Object) n.longValue() : v;
        }
        if (javaType == short.class || javaType == Short.class) {
            return v -> v instanceof Number n && !(v instanceof Short) ? (Object) n.shortValue() : v;
        }
        if (javaType == float.class || javaType == Float.class) {
            return v -> v instanceof Number n && !(v instanceof Float) ? (Object) n.floatValue() : v;
        }
        if (javaType == double.class || javaType == Double.class) {
            return v -> v instanceof Number n && !(v instanceof Double) ? (Object) n.doubleValue() : v;
        }
        return null;
    }
}
