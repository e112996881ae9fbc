package dev.quarry.graph;

import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A port; ships name it as home ({@code ships}, queried as {@code ship}). */
public class Port extends Model {
    @CharField(maxLength = 40)
    public String name;
}
