package dev.quarry.converters;

import dev.quarry.FieldConverter;
import java.util.function.Function;

/** A generic base: the converter's types are found through a superclass's type argument. */
public abstract class TextConverter<T> implements FieldConverter<T, String> {
    private final Function<T, String> write;
    private final Function<String, T> read;

    /** A converter writing with {@code write} and reading with {@code read}. */
    protected TextConverter(Function<T, String> write, Function<String, T> read) {
        this.write = write;
        this.read = read;
    }

    @Override
    public String toDatabase(T value) {
        return write.apply(value);
    }

    @Override
    public T fromDatabase(String value) {
        return read.apply(value);
    }
}
