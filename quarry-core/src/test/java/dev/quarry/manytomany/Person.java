package dev.quarry.manytomany;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/**
 * A self-referential many-to-many: {@code follows} and its reverse side {@code followers}
 * (Django's {@code ManyToManyField('self', symmetrical=False, related_name='followers')}).
 */
public class Person extends Model {
    public static final Manager<Person> objects = Manager.of(Person.class);

    @CharField(maxLength = 50)
    public String name;

    @ManyToManyField(relatedName = "followers", symmetrical = false)
    public ManyToMany<Person> follows;

    @Override
    public String toString() {
        return name;
    }
}
