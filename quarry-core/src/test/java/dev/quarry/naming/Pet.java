package dev.quarry.naming;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** No related name: Person gets {@code pet_set} (accessor) and {@code pet} (query name). */
public class Pet extends Model {
    public static final Manager<Pet> objects = Manager.of(Pet.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Person> owner;
}
