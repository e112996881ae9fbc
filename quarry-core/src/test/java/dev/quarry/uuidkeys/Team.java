package dev.quarry.uuidkeys;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The other side of Account's many-to-many relation. */
public class Team extends Model {
    public static final Manager<Team> objects = Manager.of(Team.class);

    @CharField(maxLength = 30)
    public String name;
}
