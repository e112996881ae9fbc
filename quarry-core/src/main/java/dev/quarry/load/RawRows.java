package dev.quarry.load;

import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.Operations;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns the rows of a hand-written SELECT into instances, as Django's {@code RawQuerySet} does:
 * each column is matched by name to a field's column (after the caller's translations), the
 * primary key must be among them, the fields without a column are left deferred on the instance,
 * and the other columns become annotations. The match is made once, from the first row's metadata.
 * Used by one thread.
 */
public final class RawRows {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private final ModelMeta meta;
    private final Operations ops;
    private final Map<String, String> translations;
    private final LoadContext context;
    private String[] labels;
    private FieldMeta[] fields;
    private ColumnReader[] readers;
    private UnaryOperator<Object>[] coercions;
    private int pkColumn;
    private Set<String> deferred;

    /** A reader of {@code meta}'s instances; {@code translations} maps a column label to a field or column name. */
    public RawRows(ModelMeta meta, Operations ops, Map<String, String> translations, LoadContext context) {
        this.meta = meta;
        this.ops = ops;
        this.translations = translations;
        this.context = context;
    }

    /** The column labels of a result, in order. */
    public static List<String> labels(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> out = new ArrayList<>(md.getColumnCount());
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i));
        }
        return out;
    }

    /** Column {@code i} as the driver gives it, whole numbers as {@code Long} on every database. */
    public static Object plain(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }

    /** Every row as a map from column label to value. */
    public static List<Map<String, Object>> maps(ResultSet rs) throws SQLException {
        List<String> names = labels(rs);
        List<Map<String, Object>> out = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), plain(rs, i + 1));
            }
            out.add(Collections.unmodifiableMap(row));
        }
        return Collections.unmodifiableList(out);
    }

    /** Every row as a list of values in column order. */
    public static List<List<Object>> lists(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<Object>> out = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = plain(rs, i + 1);
            }
            out.add(Collections.unmodifiableList(java.util.Arrays.asList(row)));
        }
        return Collections.unmodifiableList(out);
    }

    /** Every row, as instances sharing the load context (their peers). */
    public List<Object> readAll(ResultSet rs) throws SQLException {
        if (labels == null) {
            match(rs); // from the metadata, so that a missing key is refused even when no row matches
        }
        List<Object> out = new ArrayList<>();
        while (rs.next()) {
            out.add(read(rs));
        }
        context.setPeers(out);
        return out;
    }

    /** The current row as an instance. */
    public Object read(ResultSet rs) throws SQLException {
        if (labels == null) {
            match(rs);
        }
        Object pk = readers[pkColumn].read(rs, pkColumn + 1);
        Object obj = meta.newInstance();
        for (int i = 0; i < labels.length; i++) {
            FieldMeta f = fields[i];
            if (f == null) {
                ACCESS.setAnnotation(obj, labels[i], plain(rs, i + 1));
                continue;
            }
            Object v = i == pkColumn ? pk : readField(rs, i, f);
            if (f.isForeignKey()) {
                ACCESS.setRefId(f.get(obj), v);
                continue;
            }
            if (coercions[i] != null && v != null) {
                try {
                    v = coercions[i].apply(v);
                } catch (InvalidValueError e) {
                    throw new InvalidValueError(meta.type(), f.name(), String.format("%s with %s = %s: %s", meta.name(),
                            meta.pk().name(), dev.quarry.internal.Excerpt.of(pk), e.getMessage()));
                }
            }
            if (v != null || !f.primitive()) {
                f.set(obj, v);
            }
        }
        if (!deferred.isEmpty()) {
            for (FieldMeta f : meta.fields()) {
                if (deferred.contains(f.name())) {
                    clear(f, obj);
                }
            }
            ACCESS.setDeferred(obj, deferred);
        }
        ACCESS.setLoaded(obj, context);
        return obj;
    }

    private Object readField(ResultSet rs, int i, FieldMeta f) throws SQLException {
        try {
            return readers[i].read(rs, i + 1);
        } catch (InvalidValueError e) {
            throw new InvalidValueError(meta.type(), f.name(), f + ": " + e.getMessage());
        }
    }

    /** A deferred field holds nothing: {@code null}, a primitive's zero, a foreign key without a key. */
    static void clear(FieldMeta f, Object obj) {
        if (f.isForeignKey()) {
            ACCESS.setRefId(f.get(obj), null);
        } else if (!f.primitive()) {
            f.set(obj, null);
        } else {
            f.set(obj, zero(f.javaType()));
        }
    }

    /** The zero of a primitive type, boxed. */
    public static Object zero(Class<?> primitive) {
        return primitive == boolean.class ? Boolean.FALSE : primitive == char.class ? (Object) '\0'
                : primitive == long.class ? (Object) 0L : primitive == double.class ? (Object) 0.0
                : primitive == float.class ? (Object) 0.0f : primitive == short.class ? (Object) (short) 0
                : primitive == byte.class ? (Object) (byte) 0 : (Object) 0;
    }

    @SuppressWarnings("unchecked")
    private void match(ResultSet rs) throws SQLException {
        List<String> names = labels(rs);
        labels = names.toArray(new String[0]);
        fields = new FieldMeta[labels.length];
        readers = new ColumnReader[labels.length];
        coercions = new UnaryOperator[labels.length];
        pkColumn = -1;
        Set<FieldMeta> seen = new LinkedHashSet<>();
        for (int i = 0; i < labels.length; i++) {
            String translated = translations.get(labels[i]);
            FieldMeta f = translated != null ? field(translated, true) : field(labels[i], false);
            if (f == null || !seen.add(f)) {
                continue; // an annotation; a field's second column too, as Django keeps the first
            }
            fields[i] = f;
            readers[i] = ops.reader(f.type());
            coercions[i] = Coercion.to(f);
            if (f.primaryKey()) {
                pkColumn = i;
            }
        }
        if (pkColumn < 0) {
            throw new FieldError(meta.type(), meta.pk().name(), String.format("Raw query must include the primary key: "
                    + "%s's key is column '%s', and the query's columns are %s. Select it (SELECT %s, ...) or alias the "
                    + "column that holds it (SELECT book_id AS %s), or map it with translations(Map.of(\"<column>\", \"%s\"))",
                    meta.name(), meta.pk().column(), names, meta.pk().column(), meta.pk().column(), meta.pk().name()));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (FieldMeta f : meta.fields()) {
            if (!seen.contains(f)) {
                missing.add(f.name());
            }
        }
        deferred = Collections.unmodifiableSet(missing);
    }

    /**
     * The field whose column (or Java or query name) {@code name} is, matched case-insensitively as a last
     * resort; a foreign key's own name ({@code author}, not {@code author_id}) only when {@code translated}.
     */
    private FieldMeta field(String name, boolean translated) {
        for (FieldMeta f : meta.fields()) {
            if (f.column().equals(name)) {
                return f;
            }
        }
        FieldMeta byName = meta.field(name);
        if (byName != null && (translated || !byName.isForeignKey())) {
            return byName;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (FieldMeta f : meta.fields()) {
            if (f.column().toLowerCase(Locale.ROOT).equals(lower)) {
                return f;
            }
        }
        return null;
    }
}
