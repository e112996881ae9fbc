package dev.quarry.manytomany;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of Book.readers, which sets no related name: {@code book_set} / {@code book}. */
public class Reader extends Model {
    public static final Manager<Reader> objects = Manager.of(Reader.class);

    @CharField(maxLength = 50)
    public String name;

    @Override
    public String toString() {
        return name;
    }
}
