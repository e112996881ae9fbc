package dev.quarry.through;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/**
 * Relations of a model to itself: {@code friends} is symmetrical (Django's {@code ManyToManyField('self')});
 * {@code follows} is not ({@code symmetrical=False, related_name='followers'}).
 */
public class Person extends Model {
    public static final Manager<Person> objects = Manager.of(Person.class);

    @CharField(maxLength = 50)
    public String name;

    @ManyToManyField
    public ManyToMany<Person> friends;

    @ManyToManyField(symmetrical = false, relatedName = "followers")
    public ManyToMany<Person> follows;

    @Override
    public String toString() {
        return name;
    }
}
