package dev.quarry.inheritance;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/**
 * An abstract base (Django's {@code abstract = True}): no table; its fields, its default ordering and its
 * foreign key, whose related name {@code %(class)s_items} becomes {@code article_items} and {@code video_items}.
 */
@Meta(ordering = "-title")
public abstract class Content extends Model {
    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "%(class)s_items", nullable = true)
    public Ref<Tag> tag;
}
