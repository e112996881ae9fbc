package dev.quarry.load;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.query.ValueTypes;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads values rows into a Java record ({@code values("title", "author__name").as(BookRow.class)}):
 * each selected path is matched to the record component of the same name written in camelCase
 * ({@code author__name} and {@code author_name} to {@code authorName}; a path already in camelCase to
 * itself), every component must get a value and every value a component, and each component's type
 * must hold the path's values (primitives through their boxes). All of it is checked from the
 * query's resolved values, before any SQL. Immutable.
 *
 * @param <R> the record
 */
public final class RecordRows<R> {
    private final Class<R> type;
    private final Constructor<R> constructor;
    private final String[] paths;
    private final RecordComponent[] components;

    private RecordRows(Class<R> type, Constructor<R> constructor, String[] paths, RecordComponent[] components) {
        this.type = type;
        this.constructor = constructor;
        this.paths = paths;
        this.components = components;
    }

    /** The camelCase component name of a selected path: {@code author__name} to {@code authorName}. */
    public static String componentName(String path) {
        StringBuilder out = new StringBuilder(path.length());
        boolean upper = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Checks {@code type} against the selected {@code values} and returns its reader; a {@link FieldError} names what does not fit. */
    public static <R> RecordRows<R> of(Class<R> type, Map<String, Expr> values) {
        if (!type.isRecord()) {
            throw new FieldError(type, null, String.format("as(%s.class): %s is not a record; declare "
                    + "record %s(...) with one component per selected value", type.getSimpleName(), type.getName(),
                    type.getSimpleName()));
        }
        RecordComponent[] declared = type.getRecordComponents();
        Map<String, String> pathByComponent = new LinkedHashMap<>();
        for (String path : values.keySet()) {
            String name = componentName(path);
            String other = pathByComponent.put(name, path);
            if (other != null) {
                throw new FieldError(type, name, String.format("as(%s.class): both '%s' and '%s' map to component %s; "
                        + "select one of them", type.getSimpleName(), other, path, name));
            }
        }
        List<String> choices = new ArrayList<>();
        pathByComponent.forEach((name, path) -> choices.add(name.equals(path) ? name : name + " (" + path + ")"));
        String[] paths = new String[declared.length];
        for (int i = 0; i < declared.length; i++) {
            RecordComponent c = declared[i];
            String path = pathByComponent.remove(c.getName());
            if (path == null) {
                throw new FieldError(type, c.getName(), String.format("%s.%s matches no selected value. The values "
                        + "select %s; a component takes the value whose path it spells in camelCase (author__name -> "
                        + "authorName). Select it in values(...), or rename the component", type.getSimpleName(),
                        c.getName(), choices.isEmpty() ? "(nothing)" : String.join(", ", choices)));
            }
            check(type, c, path, values.get(path));
            paths[i] = path;
        }
        if (!pathByComponent.isEmpty()) {
            throw new FieldError(type, pathByComponent.keySet().iterator().next(), String.format("values(...) selects %s, "
                    + "which %s has no component for. Its components are: %s; add %s or leave the value out",
                    pathByComponent.values(), type.getSimpleName(), names(declared), pathByComponent.keySet()));
        }
        try {
            Class<?>[] types = new Class<?>[declared.length];
            for (int i = 0; i < declared.length; i++) {
                types[i] = declared[i].getType();
            }
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return new RecordRows<>(type, ctor, paths, declared);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new FieldError(type, null, "as(" + type.getSimpleName() + ".class): cannot use its canonical "
                    + "constructor (" + e.getClass().getSimpleName() + "); make the record accessible to Quarry");
        }
    }

    private static void check(Class<?> type, RecordComponent c, String path, Expr e) {
        Class<?> j = c.getType();
        Class<?> held = e instanceof Col col && col.field() != null && col.field().converter() != null
                ? col.field().converter().javaType() : null;
        boolean fits = held != null ? j == Object.class || box(j).isAssignableFrom(held)
                : ValueTypes.accepts(e.outputType(), j);
        if (!fits) {
            Class<?> natural = held != null ? held : ValueTypes.natural(e.outputType());
            throw new FieldError(type, c.getName(), String.format("%s.%s is %s, but '%s' holds %s values. Declare it as "
                    + "%s%s (or Object)", type.getSimpleName(), c.getName(), j.getSimpleName(), path,
                    natural.getSimpleName(), primitiveOf(natural) == null ? "" : primitiveOf(natural) + ", ",
                    natural.getSimpleName()));
        }
        if (j.isPrimitive() && e instanceof Col col && col.field() != null && col.field().nullable()) {
            throw new FieldError(type, c.getName(), String.format("%s.%s is %s, but '%s' may be NULL (%s is "
                    + "nullable); declare it as %s", type.getSimpleName(), c.getName(), j.getSimpleName(), path,
                    col.field(), box(j).getSimpleName()));
        }
    }

    /** One row of values, by path, as a record. */
    public R read(Map<String, Object> row) {
        Object[] args = new Object[paths.length];
        for (int i = 0; i < paths.length; i++) {
            RecordComponent c = components[i];
            Object v = row.get(paths[i]);
            if (v == null && c.getType().isPrimitive()) {
                throw new InvalidValueError(type, c.getName(), String.format("%s.%s is %s, but a row's '%s' is NULL; "
                        + "declare it as %s", type.getSimpleName(), c.getName(), c.getType().getSimpleName(), paths[i],
                        box(c.getType()).getSimpleName()));
            }
            args[i] = c.getType() == Object.class ? v : ValueTypes.convert(v, c.getType(),
                    type.getSimpleName() + "." + c.getName());
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String names(RecordComponent[] cs) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : cs) {
            out.add(c.getName());
        }
        return String.join(", ", out);
    }

    private static String primitiveOf(Class<?> boxed) {
        return boxed == Integer.class ? "int" : boxed == Long.class ? "long" : boxed == Double.class ? "double"
                : boxed == Boolean.class ? "boolean" : null;
    }

    private static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        String n = c.getName().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }
}
