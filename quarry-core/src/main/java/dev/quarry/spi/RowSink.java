package dev.quarry.spi;

/**
 * Where a generated {@link ModelAccessor#readRows} puts each instance it reads: the core makes one per
 * query it runs (it is not shared between threads) and records there that the instance was loaded.
 */
public abstract class RowSink {
    /** For the core to subclass. */
    protected RowSink() {}

    /**
     * Takes the instance read from the current row ({@code null} for a row whose primary key is NULL),
     * and says whether to read on: {@code false} once the query needs no more rows.
     */
    public abstract boolean loaded(Object instance);
}
