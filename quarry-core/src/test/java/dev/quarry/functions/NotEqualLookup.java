package dev.quarry.functions;

import dev.quarry.spi.FieldType;
import dev.quarry.spi.Lookup;
import dev.quarry.spi.SqlWriter;

/** A custom lookup registered through the SPI (test resources' META-INF/services): {@code name__ne="x"} is {@code name <> ?}. */
public final class NotEqualLookup implements Lookup {
    /** Created by ServiceLoader. */
    public NotEqualLookup() {}

    @Override
    public String name() {
        return "ne";
    }

    @Override
    public Object prepare(Object value, FieldType lhsType) {
        if (value == null) {
            throw new IllegalArgumentException("ne does not take null; use isnull=false");
        }
        return value;
    }

    @Override
    public void render(SqlWriter w, Runnable lhs, FieldType lhsType, Object value) {
        lhs.run();
        w.sql(" <> ").param(value);
    }
}
