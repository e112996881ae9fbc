package dev.quarry.accessors;

import dev.quarry.ManyToMany;
import dev.quarry.Ref;
import dev.quarry.spi.ColumnReader;
import dev.quarry.spi.ModelAccessor;
import dev.quarry.spi.RelationHolders;
import dev.quarry.spi.RowPlan;
import dev.quarry.spi.RowSink;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** As quarry-processor writes it (row and result reading included), counting the instances whose holders it filled, the rows and the results it read. */
public final class Volume__Accessor implements ModelAccessor {
    static final AtomicInteger FILLED = new AtomicInteger();
    /** Rows read, one at a time ({@code readRow}) or in the accessor's loop ({@code readRows}). */
    static final AtomicInteger READ = new AtomicInteger();
    /** Results read in the accessor's loop. */
    static final AtomicInteger LOOPS = new AtomicInteger();

    /** The accessor, for the core to create. */
    public Volume__Accessor() {
    }

    @Override
    public Class<?> modelClass() {
        return Volume.class;
    }

    @Override
    public List<String> fields() {
        return List.of("id", "title", "shelf", "lists");
    }

    @Override
    public Object newInstance() {
        return new Volume();
    }

    @Override
    public Object get(Object instance, int field) {
        Volume m = (Volume) instance;
        return switch (field) {
            case 0 -> m.id;
            case 1 -> m.title;
            case 2 -> m.shelf;
            case 3 -> m.lists;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public void set(Object instance, int field, Object value) {
        Volume m = (Volume) instance;
        switch (field) {
            case 0 -> m.id = (Long) value;
            case 1 -> m.title = (String) value;
            case 2 -> m.shelf = (Ref<Shelf>) value;
            case 3 -> m.lists = (ManyToMany<Shelf>) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }

    @Override
    public List<String> relationFields() {
        return List.of("shelf", "lists");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void newRelations(Object instance, RelationHolders holders) {
        Volume m = (Volume) instance;
        if (m.shelf == null) {
            m.shelf = (Ref<Shelf>) holders.ref(m);
        }
        m.lists = (ManyToMany<Shelf>) holders.manyToMany(m);
        FILLED.incrementAndGet();
    }

    @Override
    public boolean readsRows() {
        return true;
    }

    @Override
    public void readRow(Object instance, Object key, ResultSet rs, RowPlan plan) throws SQLException {
        fill((Volume) instance, key, rs, plan);
    }

    @Override
    public boolean readsRowLoops() {
        return true;
    }

    @Override
    public void readRows(ResultSet rs, RowPlan plan, RowSink sink) throws SQLException {
        LOOPS.incrementAndGet();
        while (rs.next()) {
            Object key = plan.rowKey(rs);
            Volume m = null;
            if (key != null) {
                m = new Volume();
                fill(m, key, rs, plan);
            }
            if (!sink.loaded(m)) {
                return;
            }
        }
    }

    private static void fill(Volume m, Object key, ResultSet rs, RowPlan plan) throws SQLException {
        ColumnReader[] c = plan.readers();
        int[] col = plan.columns();
        switch (plan.keyField()) {
            case 0 -> m.id = (Long) key;
            case 1 -> m.title = (String) key;
            default -> {
            }
        }
        if (c[0] != null) {
            m.id = (Long) plan.value(0, c[0].read(rs, col[0]));
        }
        if (c[1] != null) {
            m.title = (String) plan.value(1, c[1].read(rs, col[1]));
        }
        if (c[2] != null) {
            plan.key(2, rs, m.shelf);
        }
        READ.incrementAndGet();
    }
}
