package dev.quarry.cli.broken;

import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A model refused on its own: a public field without an annotation would be neither saved nor loaded. */
public class Loose extends Model {
    @CharField(maxLength = 20)
    public String code;

    public String note;
}
