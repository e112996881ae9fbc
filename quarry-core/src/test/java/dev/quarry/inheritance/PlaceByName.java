package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.Meta;
import java.util.Locale;

/** A proxy of Place: the same table and rows, its own default ordering and a method of its own. */
@Meta(proxy = true, ordering = "name")
public class PlaceByName extends Place {
    @SuppressWarnings("hiding")
    public static final Manager<PlaceByName> objects = Manager.of(PlaceByName.class);

    /** The name in capitals (a method only the proxy has). */
    public String shout() {
        return name.toUpperCase(Locale.ROOT);
    }
}
