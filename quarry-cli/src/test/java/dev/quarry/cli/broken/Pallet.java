package dev.quarry.cli.broken;

import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of Crate's clashing keys; also has a field whose name would make lookups ambiguous. */
public class Pallet extends Model {
    @CharField(maxLength = 20)
    public String code_;
}
