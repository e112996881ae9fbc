package dev.quarry.load;

import dev.quarry.InvalidValueError;
import dev.quarry.Ref;
import dev.quarry.internal.ModelAccess;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.query.QueryTree;
import dev.quarry.query.SelectRelatedNode;
import dev.quarry.query.Where;
import dev.quarry.query.expr.Col;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.LongColumn;
import dev.quarry.spi.Operations;
import dev.quarry.spi.RowSink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Turns rows of a model SELECT into instances: columns are read by index with a reader per
 * field chosen once per query (by the model's generated accessor when it reads rows, see
 * {@link GeneratedRows}, else field by field), select_related models are attached to their
 * {@code Ref}s, and annotations are stored on the instance.
 */
public final class ModelRows {
    private static final ModelAccess ACCESS = ModelAccess.get();

    private final Block root;
    private final List<Block> related = new ArrayList<>();
    private final String[] annotationNames;
    private final ColumnReader[] annotationReaders;
    /** Whether the query can match at most one row (see {@link #atMostOneRow}): reading stops after it. */
    private final boolean oneRow;
    /** Whether a result is the root model's columns alone, read by its generated accessor's loop ({@link #readAll}). */
    private final boolean whole;

    /** One model's columns in the row, and where the loaded instance goes. */
    private static final class Block {
        final ModelMeta meta;
        final FieldMeta[] fields;
        final ColumnReader[] readers;
        final UnaryOperator<Object>[] coercions;
        /** Per field, the class of values its coercion returns unchanged (not called for them), or {@code null}. */
        final Class<?>[] unchanged;
        /** Per field: whether it is a foreign key (not the primary key) read as a {@code long} into its Ref, unboxed. */
        final boolean[] longKey;
        final int parent;
        final FieldMeta viaKey;
        /** The reverse one-to-one accessor this block fills on its parent, or {@code null} for a forward key. */
        final String reverseAccessor;
        /** Whether this block holds a multi-table parent's columns, read into its owner (the child instance). */
        final boolean intoOwner;
        /** The 1-based column of the block's first field (its primary key). */
        final int start;
        /** The block's columns as its model's generated accessor reads them, or {@code null} to read them field by field. */
        final GeneratedRows generated;

        @SuppressWarnings("unchecked")
        Block(ModelMeta meta, Operations ops, int parent, FieldMeta viaKey, String reverseAccessor, int start) {
            this.meta = meta;
            this.fields = meta.fields().toArray(new FieldMeta[0]);
            this.readers = new ColumnReader[fields.length];
            this.coercions = new UnaryOperator[fields.length];
            this.unchanged = new Class<?>[fields.length];
            this.longKey = new boolean[fields.length];
            for (int i = 0; i < fields.length; i++) {
                FieldMeta f = fields[i];
                readers[i] = ops.reader(f.type());
                coercions[i] = Coercion.to(f);
                unchanged[i] = Coercion.unchanged(f);
                longKey[i] = i > 0 && f.isForeignKey() && readers[i] instanceof LongColumn;
            }
            this.parent = parent;
            this.viaKey = viaKey;
            this.reverseAccessor = reverseAccessor;
            this.intoOwner = viaKey != null && viaKey.isParentLink() && reverseAccessor == null;
            this.start = start;
            this.generated = intoOwner ? null : GeneratedRows.of(meta, fields, readers, coercions, unchanged, longKey, start);
        }
    }

    /** A reader for the rows of {@code tree}, with column readers from {@code ops} chosen once. */
    public ModelRows(QueryTree tree, Operations ops) {
        this.root = new Block(tree.model(), ops, -1, null, null, 1);
        int column = 1 + root.fields.length;
        for (SelectRelatedNode n : tree.selectRelated()) {
            column = addRelated(n, -1, ops, column);
        }
        Map<String, Expr> annotations = tree.selectedAnnotations();
        annotationNames = annotations.keySet().toArray(new String[0]);
        annotationReaders = new ColumnReader[annotationNames.length];
        for (int i = 0; i < annotationNames.length; i++) {
            annotationReaders[i] = ops.reader(annotations.get(annotationNames[i]).outputType());
        }
        this.annotationStart = column;
        this.oneRow = atMostOneRow(tree);
        this.whole = related.isEmpty() && annotationNames.length == 0 && root.generated != null && root.generated.readsAll();
    }

    /**
     * Whether {@code tree} can match at most one row: its WHERE requires the model's primary key to equal
     * a value, and none of its joins can repeat a row. Its rows then end after the first, so it is not
     * asked for a second (on SQLite, one more step of the statement; see docs/performance.md).
     */
    static boolean atMostOneRow(QueryTree tree) {
        Where w = tree.where();
        if (w == null || tree.hasMultiValuedJoin()) {
            return false;
        }
        for (Where c : w instanceof Where.And and ? and.children() : List.of(w)) {
            if (keyEquals(c, tree)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code w} is {@code pk = value} on the root table, the value a parameter (not an expression such as F). */
    private static boolean keyEquals(Where w, QueryTree tree) {
        return w instanceof Where.Condition c && c.lookup().name().equals("exact")
                && !(c.value() instanceof Expr) && c.lhs() instanceof Col col && col.alias().equals(tree.rootAlias())
                && col.field() != null && col.field().equals(tree.model().pk());
    }

    private final int annotationStart;

    /** How many columns these rows span (extra columns follow). */
    public int width() {
        return annotationStart - 1 + annotationNames.length;
    }

    private int addRelated(SelectRelatedNode n, int parent, Operations ops, int column) {
        Block b = new Block(n.model(), ops, parent, n.foreignKey(), n.isReverse() ? n.reverse().accessorName() : null,
                column);
        related.add(b);
        int index = related.size() - 1;
        column += b.fields.length;
        for (SelectRelatedNode c : n.children()) {
            column = addRelated(c, index, ops, column);
        }
        return column;
    }

    /**
     * Reads every row into a list of instances sharing one load context.
     *
     * @throws SQLException if the driver cannot read a row
     */
    public List<Object> readAll(ResultSet rs, LoadContext context) throws SQLException {
        if (whole) {
            return readWhole(rs, context);
        }
        List<Object> out = new ArrayList<>();
        List<List<Object>> children = new ArrayList<>(related.size());
        for (int i = 0; i < related.size(); i++) {
            children.add(new ArrayList<>());
        }
        while (rs.next()) {
            out.add(read(rs, context, children));
            if (oneRow) {
                break;
            }
        }
        context.setPeers(out);
        for (int i = 0; i < related.size(); i++) {
            // The instances a select-related block loaded are peers of each other, not of the result.
            context.related(i).setPeers(children.get(i));
        }
        return out;
    }

    /** Rows of the root model alone, read in its generated accessor's loop (see {@link #whole}). */
    private List<Object> readWhole(ResultSet rs, LoadContext context) throws SQLException {
        Collect sink = new Collect(context, oneRow);
        try {
            root.generated.readAll(rs, sink);
        } catch (InvalidValueError e) {
            // The row that failed is the current one.
            throw refusedAgain(rs, root, root.readers[0].read(rs, root.start), e);
        }
        context.setPeers(sink.out);
        return sink.out;
    }

    /** The instances one query reads, each marked loaded with the query's context; stops after one if asked. */
    private static final class Collect extends RowSink {
        final List<Object> out = new ArrayList<>();
        private final LoadContext context;
        private final boolean one;

        Collect(LoadContext context, boolean one) {
            this.context = context;
            this.one = one;
        }

        @Override
        public boolean loaded(Object instance) {
            if (instance != null) {
                ACCESS.setLoaded(instance, context);
            }
            out.add(instance);
            return !one;
        }
    }

    /**
     * Reads the current row.
     *
     * @throws SQLException if the driver cannot read a column
     */
    public Object read(ResultSet rs, LoadContext context) throws SQLException {
        return read(rs, context, null);
    }

    private Object read(ResultSet rs, LoadContext context, List<List<Object>> children) throws SQLException {
        Object obj = readBlock(rs, root, context);
        if (!related.isEmpty()) {
            Object[] loaded = new Object[related.size()];
            for (int i = 0; i < loaded.length; i++) {
                Block b = related.get(i);
                Object owner = b.parent < 0 ? obj : loaded[b.parent];
                if (b.intoOwner) {
                    // A parent's columns: the child instance holds them (its inherited fields).
                    if (owner != null) {
                        readInto(rs, b, owner, null);
                    }
                    loaded[i] = owner;
                    continue;
                }
                Object child = owner == null ? null : readBlock(rs, b, context.related(i));
                if (child != null && children != null) {
                    children.get(i).add(child);
                }
                loaded[i] = child;
                if (owner != null && b.reverseAccessor != null) {
                    // The reverse side of a one-to-one: the owner caches its one object (or none), the object its owner.
                    ACCESS.prefetched(owner, true).put(b.reverseAccessor, child == null ? List.of() : List.of(child));
                    if (child != null && b.viaKey.isForeignKey()) {
                        ACCESS.cacheRef(b.viaKey.get(child), owner);
                    }
                } else if (owner != null) {
                    ACCESS.cacheRef(b.viaKey.get(owner), child);
                }
            }
        }
        for (int i = 0; i < annotationNames.length; i++) {
            ACCESS.setAnnotation(obj, annotationNames[i], annotationReaders[i].read(rs, annotationStart + i));
        }
        return obj;
    }

    /** A foreign key column read as {@link LongColumn} does, into {@code ref} with the key unboxed. */
    static void readLongKey(ResultSet rs, int index, Object ref) throws SQLException {
        long v = rs.getLong(index);
        if (v == 0 && rs.wasNull()) { // as LongColumn: only a 0 may be NULL
            ACCESS.setRefId(ref, null);
        } else {
            ACCESS.setRefLong(ref, v);
        }
    }

    /** One column of field {@code f}; a value the reader refuses (out of the column's range) names the field. */
    private static Object read(ColumnReader reader, ResultSet rs, int index, FieldMeta f) throws SQLException {
        try {
            return reader.read(rs, index);
        } catch (InvalidValueError e) {
            throw new InvalidValueError(f.model().type(), f.name(), f + ": " + e.getMessage());
        }
    }

    /** The Java value of a stored one; a stored value with no Java form names the row's key and the field. */
    private static Object coerce(UnaryOperator<Object> c, Object v, ModelMeta meta, Object pk, FieldMeta f) {
        try {
            return c.apply(v);
        } catch (InvalidValueError e) {
            throw new InvalidValueError(meta.type(), f.name(), String.format("%s with %s = %s: %s", meta.name(),
                    meta.pk().name(), dev.quarry.internal.Excerpt.of(pk), e.getMessage()));
        }
    }

    private static Object readBlock(ResultSet rs, Block b, LoadContext context) throws SQLException {
        Object pk = b.readers[0].read(rs, b.start);
        if (pk == null) {
            return null;
        }
        Object obj = b.meta.newLoadedInstance();
        if (b.generated != null) {
            try {
                b.generated.read(rs, obj, pk);
            } catch (InvalidValueError e) {
                throw refusedAgain(rs, b, pk, e);
            }
        } else {
            readInto(rs, b, obj, pk);
        }
        ACCESS.setLoaded(obj, context);
        return obj;
    }

    /**
     * Reads block {@code b} of the current row (key {@code pk}) again field by field, whose error names the
     * row's key and the field, after the generated code refused it with {@code e}; returns {@code e} if that
     * reading does not fail.
     */
    private static InvalidValueError refusedAgain(ResultSet rs, Block b, Object pk, InvalidValueError e) throws SQLException {
        readInto(rs, b, b.meta.newLoadedInstance(), pk);
        return e;
    }

    /** Sets the fields of block {@code b} on {@code obj} ({@code pk}: the key already read, or {@code null}). */
    private static void readInto(ResultSet rs, Block b, Object obj, Object known) throws SQLException {
        Object pk = known != null ? known : b.readers[0].read(rs, b.start);
        for (int i = 0; i < b.fields.length; i++) {
            FieldMeta f = b.fields[i];
            if (b.longKey[i]) {
                readLongKey(rs, b.start + i, f.get(obj));
                continue;
            }
            Object v = i == 0 ? pk : read(b.readers[i], rs, b.start + i, f);
            if (f.isForeignKey()) {
                ACCESS.setRefId(f.get(obj), v);
            } else {
                UnaryOperator<Object> c = b.coercions[i];
                if (c != null && v != null && v.getClass() != b.unchanged[i]) {
                    v = coerce(c, v, b.meta, pk, f);
                }
                if (v != null || !f.primitive()) {
                    f.set(obj, v);
                }
            }
        }
    }
}
