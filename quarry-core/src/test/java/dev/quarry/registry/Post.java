package dev.quarry.registry;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A post by a member. */
public class Post extends Model {
    public static final Manager<Post> objects = Manager.of(Post.class);

    @CharField(maxLength = 20)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "posts")
    public Ref<Member> author;
}
