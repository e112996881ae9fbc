package dev.quarry.deletion;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A comment of a topic, a reply to another comment (CASCADE), and maybe a quote of a third (SET_NULL). */
public class Comment extends Model {
    public static final Manager<Comment> objects = Manager.of(Comment.class);

    @CharField(maxLength = 40)
    public String text;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true)
    public Ref<Topic> topic;

    @ForeignKey(onDelete = OnDelete.CASCADE, nullable = true, relatedName = "replies")
    public Ref<Comment> parent;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "quotedBy")
    public Ref<Comment> quotes;

    static Comment of(String text, Comment parent) {
        Comment c = new Comment();
        c.text = text;
        if (parent != null) {
            c.parent.set(parent);
        }
        return c;
    }
}
