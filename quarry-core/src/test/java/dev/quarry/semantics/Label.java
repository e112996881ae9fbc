package dev.quarry.semantics;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import java.util.Map;

/** A label on novels (many-to-many). */
public class Label extends Model {
    public static final Manager<Label> objects = Manager.of(Label.class);

    @CharField(maxLength = 50, unique = true)
    public String name;

    public static Label of(String name) {
        return objects.create(Map.of("name", name));
    }

    @Override
    public String toString() {
        return name;
    }
}
