package dev.quarry.windows;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A department; {@code employees} is the reverse side of {@link Employee#department}. */
public class Department extends Model {
    public static final Manager<Department> objects = Manager.of(Department.class);

    @CharField(maxLength = 50)
    public String name;

    static Department make(String name) {
        return objects.create(d -> d.name = name);
    }
}
