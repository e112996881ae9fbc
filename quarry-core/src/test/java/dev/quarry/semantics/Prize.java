package dev.quarry.semantics;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A prize won by a novel: PROTECT keeps prize-winning novels (and so their writers) from deletion. */
public class Prize extends Model {
    public static final Manager<Prize> objects = Manager.of(Prize.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "prizes")
    public Ref<Novel> novel;
}
