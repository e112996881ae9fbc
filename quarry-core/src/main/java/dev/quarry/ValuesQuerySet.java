package dev.quarry;

import dev.quarry.expr.Expression;
import dev.quarry.load.Loader;
import dev.quarry.query.QueryTree;
import dev.quarry.query.ValueTypes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A lazy, immutable query whose rows are values rather than instances: maps ({@code values()}),
 * lists ({@code valuesList("title", "isbn")}) or single typed values
 * ({@code valuesList("title", String.class)}). A value, like {@link QuerySet}: every building
 * method returns a new one and each terminal call runs the query again.
 *
 * @param <R> what a row is
 */
public final class ValuesQuerySet<R> extends QueryBase<R, ValuesQuerySet<R>> {
    private enum Kind { MAPS, TUPLES, RECORDS }

    private final Kind kind;
    private final Function<Object, R> convert;
    private final Class<?> record;

    private ValuesQuerySet(Class<? extends Model> type, Plan plan, Kind kind, Function<Object, R> convert,
                           Described described) {
        this(type, plan, kind, convert, null, described);
    }

    private ValuesQuerySet(Class<? extends Model> type, Plan plan, Kind kind, Function<Object, R> convert, Class<?> record,
                           Described described) {
        super(type, plan, described);
        this.kind = kind;
        this.convert = convert;
        this.record = record;
    }

    @Override
    ValuesQuerySet<R> with(Plan plan, Described described) {
        return new ValuesQuerySet<>(type, plan, kind, convert, record, described);
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<Map<String, Object>> maps(Class<? extends Model> type, Plan plan, Described described) {
        return new ValuesQuerySet<>(type, plan, Kind.MAPS, o -> (Map<String, Object>) o, described);
    }

    @SuppressWarnings("unchecked")
    static ValuesQuerySet<List<Object>> tuples(Class<? extends Model> type, Plan plan, Described described) {
        return new ValuesQuerySet<>(type, plan, Kind.TUPLES, o -> (List<Object>) o, described);
    }

    /** One path's values as {@code valueType}; the type is checked against the path's column when resolved. */
    static <V> ValuesQuerySet<V> single(Class<? extends Model> type, Plan plan, String path, Class<V> valueType,
                                        Described described) {
        java.util.Objects.requireNonNull(valueType, "type");
        String where = "valuesList(\"" + path + "\", " + valueType.getSimpleName() + ".class)";
        Plan p = plan.then(new QueryBase.StepKey("valuesList", java.util.Arrays.asList(path, valueType)), List.of(), null, t -> {
            QueryTree v = t.values(List.of(path));
            ValueTypes.check(v.values().get(path), valueType, path, where);
            return v;
        });
        return new ValuesQuerySet<>(type, p, Kind.TUPLES, o -> ValueTypes.convert(((List<?>) o).get(0), valueType, path),
                described);
    }

    /**
     * The same rows, each read into the record {@code type}: {@code values("title", "author__name")
     * .as(BookRow.class)} with {@code record BookRow(String title, String authorName)}. A component takes
     * the value whose path it spells in camelCase ({@code author__name} and {@code author_name} give
     * {@code authorName}); every component needs a value and every value a component, and each
     * component's type must hold its values ({@code int} or {@code Integer} for an integer field,
     * {@code long}, {@code double}, {@code Number} and {@code Object} as {@code valuesList} allows; a
     * primitive refuses a nullable field). Checked when the query is built (when it runs, if no Quarry
     * was known then), before any SQL, with a {@link FieldError} naming the record, the component and
     * the choices. This query is not modified.
     */
    public <V> ValuesQuerySet<V> as(Class<V> type) {
        java.util.Objects.requireNonNull(type, "type");
        Plan p = plan.then(t -> {
            dev.quarry.load.RecordRows.of(type, t.values());
            return t;
        });
        return new ValuesQuerySet<>(this.type, p, Kind.RECORDS, null, type, described);
    }

    /**
     * Adds an expression as one more value of each row; after {@code values(...)} an aggregate
     * groups the rows by those values. This query is not modified.
     */
    @Override
    public ValuesQuerySet<R> annotate(String alias, Expression<?> expression) {
        return next(new StepKey("valuesAnnotate", java.util.Arrays.asList(alias, expression)), t -> {
            List<String> paths = new ArrayList<>(t.values().keySet());
            paths.add(alias);
            return t.annotate(alias, expression).values(paths);
        });
    }

    /** The same query on {@code db}. This query is not modified. */
    public ValuesQuerySet<R> using(Quarry db) {
        return new ValuesQuerySet<>(type, plan.using(java.util.Objects.requireNonNull(db, "db")), kind, convert, record, described);
    }

    /** The same query on the named database of its Quarry, whatever the routers would choose. This query is not modified. */
    public ValuesQuerySet<R> using(String database) {
        return new ValuesQuerySet<>(type, plan.using(database), kind, convert, record, described);
    }

    /** Runs the query: every row, in an immutable list. */
    @Override
    public List<R> list() {
        Quarry q = plan.quarry();
        Shapes.Cursor known = kind != Kind.RECORDS ? plan.cursor(q) : null;
        List<?> raw;
        Function<Object, R> c;
        if (known != null) {
            // A shape built before: its compiled SQL and row reader are reused, the tree is built only on a miss.
            raw = dev.quarry.load.CompiledShapes.values(plan.session(q, false), known.terminal("values"), known.prepared(),
                    () -> plan.tree(q), kind == Kind.MAPS);
            c = convert;
        } else {
            QueryTree t = plan.tree(q);
            dev.quarry.db.Database d = plan.session(q, false).database();
            c = converter(t);
            raw = kind == Kind.TUPLES ? Loader.tuples(d, t) : Loader.maps(d, t);
        }
        return converted(raw, c);
    }

    /** As {@link #list()} runs a known shape, for {@code get(lookup, value)}: nothing is built unless its SQL must be compiled. */
    @Override
    List<R> knownRows(Shapes.Cursor at, String lookup, Object value) {
        if (kind == Kind.RECORDS) {
            return null;
        }
        Quarry q = plan.quarry();
        if (at.registry() != q.registry()) {
            return null;
        }
        return converted(dev.quarry.load.CompiledShapes.values(plan.session(q, false), at.terminal("values"), at.prepared(),
                () -> planForGet(lookup, value).tree(q), kind == Kind.MAPS), convert);
    }

    private static <R> List<R> converted(List<?> raw, Function<Object, R> c) {
        List<R> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            out.add(c.apply(o));
        }
        return Collections.unmodifiableList(out);
    }

    /** Streams the rows through a cursor; close the stream to release it. */
    @Override
    public Stream<R> stream() {
        Quarry q = plan.quarry();
        QueryTree t = plan.tree(q);
        Function<Object, R> c = converter(t);
        return Loader.streamValues(plan.session(q, false).database(), t, kind != Kind.TUPLES).map(c);
    }

    /** Runs {@code SELECT COUNT(*)}. */
    @Override
    public long count() {
        Quarry q = plan.quarry();
        return Loader.count(plan.session(q, false).database(), plan.tree(q));
    }

    /** Whether any row matches. */
    @Override
    public boolean exists() {
        Quarry q = plan.quarry();
        return Loader.exists(plan.session(q, false).database(), plan.tree(q));
    }

    /** The one row; {@link DoesNotExist} or {@link MultipleObjectsReturned} otherwise. */
    @Override
    public R get() {
        return single(rowsForGet());
    }

    /** The first row (primary key order when unordered), if any. */
    @Override
    public Optional<R> first() {
        return firstRow();
    }

    /** The last row (primary key order when unordered), if any. */
    @Override
    public Optional<R> last() {
        return lastRow();
    }

    /** How a row read for {@code tree} becomes an {@code R}; a record is checked against the tree's values first. */
    @SuppressWarnings("unchecked")
    private Function<Object, R> converter(QueryTree tree) {
        if (kind != Kind.RECORDS) {
            return convert;
        }
        dev.quarry.load.RecordRows<?> rows = dev.quarry.load.RecordRows.of(record, tree.values());
        return o -> (R) rows.read((Map<String, Object>) o);
    }

    /** The model and the conditions, with {@code ?} for values; runs nothing. */
    @Override
    public String toString() {
        return "ValuesQuerySet<" + type.getSimpleName() + ">(" + describe() + ")";
    }
}
