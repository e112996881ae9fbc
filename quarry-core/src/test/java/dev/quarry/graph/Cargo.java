package dev.quarry.graph;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** Cargo on a ship, with its reverse side hidden ({@code relatedName = "+"}), and a ship it came from (self-free). */
public class Cargo extends Model {
    @CharField(maxLength = 40)
    public String label;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
    public Ref<Ship> ship;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "parts")
    public Ref<Cargo> partOf;
}
