package dev.quarry.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array nobody changes, nulls allowed (unlike {@code List.copyOf}):
 * the parameters of a statement, kept by {@code CompiledSql} and {@code Sql} without copying them
 * again when one hands them to the other. Equal to any list of the same elements.
 */
public final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final Object[] values;

    private FrozenList(Object[] values) {
        this.values = values;
    }

    /** {@code values} as a list: the list itself when it is a FrozenList already, else a copy. */
    public static List<Object> of(List<Object> values) {
        return values instanceof FrozenList ? values : new FrozenList(values.toArray());
    }

    /** A list over {@code values}, which the caller hands over and must not change afterwards. */
    public static List<Object> owning(Object[] values) {
        return new FrozenList(values);
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
