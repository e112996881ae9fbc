package dev.quarry.query.lookup;

import dev.quarry.InvalidValueError;
import dev.quarry.model.JsonCodecs;
import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.query.expr.JsonPathExpr;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.PatternKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The lookups of a JSONField and of its keys, by name ({@code data__owner__name__icontains}). Their left
 * side is a {@link JsonPathExpr}; each writes through the backend's JSON operations. Values are written as
 * JSON by the class path's codec, so {@code exact} compares JSON values: {@code "1"} is not {@code 1}.
 */
public final class JsonLookups {
    private static final Map<String, Lookup> LOOKUPS = Stream.of(new JsonExact(), new JsonIn(), new JsonIsNull(),
                    new JsonHasKey("has_key"), new JsonHasKey("has_keys"), new JsonHasKey("has_any_keys"),
                    new JsonContains("contains"), new JsonContains("contained_by"),
                    new JsonCompare("lt", "<"), new JsonCompare("lte", "<="), new JsonCompare("gt", ">"),
                    new JsonCompare("gte", ">="),
                    new JsonText("iexact", PatternKind.EXACT, true), new JsonText("icontains", PatternKind.CONTAINS, true),
                    new JsonText("startswith", PatternKind.STARTS_WITH, false),
                    new JsonText("istartswith", PatternKind.STARTS_WITH, true),
                    new JsonText("endswith", PatternKind.ENDS_WITH, false),
                    new JsonText("iendswith", PatternKind.ENDS_WITH, true))
            .collect(Collectors.toUnmodifiableMap(Lookup::name, Function.identity()));

    private JsonLookups() {}

    /** The JSON lookup of this name, or {@code null} (the name is then a key). */
    public static Lookup lookup(String name) {
        return LOOKUPS.get(name);
    }

    /** The JSON text of a lookup value, by the codec ({@code null} for JSON null). */
    static String json(Object value, String subject) {
        return value == null ? "null" : JsonCodecs.get(subject).write(value);
    }

    private static JsonPathExpr path(Expr lhs) {
        return (JsonPathExpr) lhs;
    }

    private static Runnable source(RenderContext ctx, Expr lhs) {
        return () -> path(lhs).source().render(ctx);
    }

    /** {@code exact}: JSON equality; {@code null} means the JSON null (SQL NULL is {@code isnull}), as in Django. */
    static final class JsonExact implements Lookup {
        @Override
        public String name() {
            return "exact";
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            return new Encoded(value == null ? null : json(value, subject));
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            String json = ((Encoded) value).json();
            if (json == null) {
                ctx.ops().jsonIsJsonNull(ctx.w(), source(ctx, lhs), path(lhs).path());
            } else {
                ctx.ops().jsonEquals(ctx.w(), source(ctx, lhs), path(lhs).path(), json);
            }
        }
    }

    /** A value already written as JSON text ({@code null}: the JSON null). */
    record Encoded(String json) {}

    /** {@code in}: equal to one of the values, as {@code exact}; an empty collection matches nothing. */
    static final class JsonIn implements Lookup {
        @Override
        public String name() {
            return "in";
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            if (!(value instanceof Collection<?> items)) {
                throw new InvalidValueError(null, subject, "Lookup 'in' on " + subject + " needs a collection, got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            return items.stream().map(v -> json(v, subject)).distinct().toList();
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            List<?> items = (List<?>) value;
            if (items.isEmpty()) {
                ctx.w().sql("1 = 0");
                return;
            }
            ctx.w().sql("(");
            for (int i = 0; i < items.size(); i++) {
                ctx.w().sql(i > 0 ? " OR " : "");
                ctx.ops().jsonEquals(ctx.w(), source(ctx, lhs), path(lhs).path(), (String) items.get(i));
            }
            ctx.w().sql(")");
        }
    }

    /** {@code isnull}: on the column, SQL NULL; on a key or index, whether it is missing (a JSON null is present). */
    static final class JsonIsNull implements Lookup {
        @Override
        public String name() {
            return "isnull";
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            return new IsNull().prepare(value, type, subject);
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            boolean isNull = (Boolean) value;
            JsonPathExpr p = path(lhs);
            if (p.path().isEmpty()) {
                p.source().render(ctx);
                ctx.w().sql(isNull ? " IS NULL" : " IS NOT NULL");
                return;
            }
            if (isNull) {
                ctx.w().sql("NOT (");
                ctx.w().sql("COALESCE(");
                ctx.ops().jsonHasPath(ctx.w(), source(ctx, lhs), p.path());
                ctx.w().sql(", 1 = 0))");
            } else {
                ctx.ops().jsonHasPath(ctx.w(), source(ctx, lhs), p.path());
            }
        }

        @Override
        public boolean matchesMissingRow(Object preparedValue) {
            return Boolean.TRUE.equals(preparedValue);
        }
    }

    /** {@code has_key} (one key), {@code has_keys} (all), {@code has_any_keys} (at least one) at the left side's path. */
    static final class JsonHasKey implements Lookup {
        private final String name;

        JsonHasKey(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            List<?> keys = name.equals("has_key") ? List.of(value == null ? "" : value)
                    : value instanceof Collection<?> c ? List.copyOf(c) : null;
            if (keys == null || keys.isEmpty() || keys.stream().anyMatch(k -> !(k instanceof String))) {
                throw new InvalidValueError(null, subject, String.format("Lookup '%s' on %s needs %s", name, subject,
                        name.equals("has_key") ? "a key (a String)" : "a non-empty collection of keys (Strings)"));
            }
            return keys;
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            List<?> keys = (List<?>) value;
            ctx.w().sql(keys.size() > 1 ? "(" : "");
            for (int i = 0; i < keys.size(); i++) {
                ctx.w().sql(i == 0 ? "" : name.equals("has_any_keys") ? " OR " : " AND ");
                ctx.ops().jsonHasPath(ctx.w(), source(ctx, lhs), path(lhs).then(keys.get(i)).path());
            }
            ctx.w().sql(keys.size() > 1 ? ")" : "");
        }
    }

    /**
     * {@code contains} (the value at the path contains the given document: its keys with equal values, or
     * its array elements) and {@code contained_by}; only where the database has JSON containment
     * ({@code Feature.JSON_CONTAINS}), refused otherwise before any SQL is sent.
     */
    static final class JsonContains implements Lookup {
        private final String name;

        JsonContains(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            if (value == null) {
                throw new InvalidValueError(null, subject, "Lookup '" + name + "' on " + subject + " needs a value");
            }
            return new Encoded(json(value, subject));
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            if (!ctx.features().has(dev.quarry.spi.Feature.JSON_CONTAINS)) {
                throw new dev.quarry.NotSupportedError("Lookup '" + name + "' on a JSONField is not supported by this "
                        + "database (it lacks Feature.JSON_CONTAINS: SQLite has no JSON containment); test keys with "
                        + "has_key or values with exact on a key path instead", null, 0, null, null);
            }
            ctx.ops().jsonContains(ctx.w(), source(ctx, lhs), path(lhs).path(), ((Encoded) value).json(),
                    name.equals("contained_by"));
        }
    }

    /** {@code lt}, {@code lte}, {@code gt}, {@code gte}: the scalar at the path against a number or text. */
    static final class JsonCompare implements Lookup {
        private final String name;
        private final String operator;

        JsonCompare(String name, String operator) {
            this.name = name;
            this.operator = operator;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            if (!(value instanceof Number || value instanceof String)) {
                throw new InvalidValueError(null, subject, "Lookup '" + name + "' on " + subject + " compares with a "
                        + "number or text, got " + dev.quarry.internal.Excerpt.of(value));
            }
            return value;
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            ctx.ops().jsonCompare(ctx.w(), source(ctx, lhs), path(lhs).path(), operator, value);
        }
    }

    /** The text lookups on the scalar at the path (a JSON string's text), as on a text column. */
    static final class JsonText implements Lookup {
        private final String name;
        private final PatternKind kind;
        private final boolean caseInsensitive;

        JsonText(String name, PatternKind kind, boolean caseInsensitive) {
            this.name = name;
            this.kind = kind;
            this.caseInsensitive = caseInsensitive;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object prepare(Object value, FieldType type, String subject) {
            if (value == null) {
                throw new InvalidValueError(null, subject, "Lookup '" + name + "' on " + subject + " does not accept "
                        + "null; use isnull");
            }
            return value.toString();
        }

        @Override
        public void render(RenderContext ctx, Expr lhs, Object value) {
            ctx.ops().patternMatch(ctx.w(), () -> ctx.ops().jsonScalar(ctx.w(), source(ctx, lhs), path(lhs).path()),
                    (String) value, kind, caseInsensitive);
        }
    }
}
