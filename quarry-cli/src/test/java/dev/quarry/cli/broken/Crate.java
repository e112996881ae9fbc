package dev.quarry.cli.broken;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** A model with two problems the start-up checks find: both foreign keys claim the reverse name {@code crates} on Pallet. */
public class Crate extends Model {
    @CharField(maxLength = 20)
    public String code;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "crates")
    public Ref<Pallet> pallet;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "crates")
    public Ref<Pallet> spare;
}
