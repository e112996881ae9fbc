package dev.quarry.modellabels.shop;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** A shop's tag, copied from a blog tag (deleted with it): two models named Tag in one delete. */
@Meta(dbTable = "shop_tag")
public class Tag extends Model {
    public static final Manager<Tag> objects = Manager.of(Tag.class);

    @CharField(maxLength = 20)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "copies")
    public Ref<dev.quarry.modellabels.blog.Tag> source;
}
