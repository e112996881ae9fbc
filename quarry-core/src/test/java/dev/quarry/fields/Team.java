package dev.quarry.fields;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;

/** A model keyed by a declared integer, so a foreign key's default is an integer key. */
public class Team extends Model {
    public static final Manager<Team> objects = Manager.of(Team.class);

    @IntegerField(primaryKey = true)
    public Integer number;

    @CharField(maxLength = 20)
    public String name;
}
