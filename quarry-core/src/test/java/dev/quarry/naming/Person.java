package dev.quarry.naming;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of several relations, each naming its reverse side differently. */
public class Person extends Model {
    public static final Manager<Person> objects = Manager.of(Person.class);

    @CharField(maxLength = 50)
    public String name;
}
