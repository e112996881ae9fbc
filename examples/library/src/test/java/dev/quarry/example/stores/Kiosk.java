package dev.quarry.example.stores;

import dev.quarry.Manager;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.Meta;

/** A multi-table child of Store: its table holds store_ptr_id (its key, the parent link) and {@code open}. */
@Meta(multiTable = true)
public class Kiosk extends Store {
    @SuppressWarnings("hiding")
    public static final Manager<Kiosk> objects = Manager.of(Kiosk.class);

    @BooleanField
    public boolean open;
}
