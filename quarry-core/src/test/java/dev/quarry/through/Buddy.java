package dev.quarry.through;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** The link of Member.buddies: its first key to Member is the from side, its second the to side, as in Django. */
public class Buddy extends Model {
    public static final Manager<Buddy> objects = Manager.of(Buddy.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
    public Ref<Member> fromMember;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
    public Ref<Member> toMember;

    @IntegerField(defaultValue = "1")
    public int level;
}
