package dev.quarry.through;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;

/** A symmetrical relation to itself through a model: Django's {@code ManyToManyField('self', through='Buddy')}. */
public class Member extends Model {
    public static final Manager<Member> objects = Manager.of(Member.class);

    @CharField(maxLength = 50)
    public String name;

    @ManyToManyField(through = Buddy.class)
    public ManyToMany<Member> buddies;

    @Override
    public String toString() {
        return name;
    }
}
