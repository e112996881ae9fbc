package dev.quarry.semantics;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;
import java.util.Map;

/** An author, for the semantics tests. */
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 100)
    public String name;

    @IntegerField(nullable = true)
    public Integer born;

    public static Writer of(String name) {
        return objects.create(Map.of("name", name));
    }

    @Override
    public String toString() {
        return name;
    }
}
