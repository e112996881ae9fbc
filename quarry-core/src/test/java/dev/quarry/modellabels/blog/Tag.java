package dev.quarry.modellabels.blog;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Meta;

/** A blog's tag: the same class name as {@link dev.quarry.modellabels.shop.Tag}, on its own table. */
@Meta(dbTable = "blog_tag")
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 20)
    public String name;
}
