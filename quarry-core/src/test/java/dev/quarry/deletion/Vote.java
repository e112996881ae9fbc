package dev.quarry.deletion;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A vote on a comment, also filed under its topic: deleting a topic reaches it along two paths. */
public class Vote extends Model {
    public static final Manager<Vote> objects = Manager.of(Vote.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Topic> topic;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Comment> comment;
}
