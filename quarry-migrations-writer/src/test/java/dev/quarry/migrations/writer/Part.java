package dev.quarry.migrations.writer;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Check;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.UniqueTogether;

/** A model with a CHECK constraint and a uniqueTogether over a foreign key, for the writer's round trip. */
@Meta(checks = @Check(name = "part_weight_positive", condition = "weight > 0"),
        uniqueTogether = @UniqueTogether({"maker", "code"}))
public class Part extends Model {
    public static final Manager<Part> objects = Manager.of(Part.class);

    @CharField(maxLength = 20)
    public String code;

    @IntegerField
    public int weight;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Writer> maker;
}
