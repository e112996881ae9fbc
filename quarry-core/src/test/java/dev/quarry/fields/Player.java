package dev.quarry.fields;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A foreign key with a default target key, which deleting the team falls back to. */
public class Player extends Model {
    public static final Manager<Player> objects = Manager.of(Player.class);

    @CharField(maxLength = 20)
    public String name;

    @ForeignKey(onDelete = OnDelete.SET_DEFAULT, defaultValue = "0")
    public Ref<Team> team;
}
