package dev.quarry.example.stores;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A shop; a Kiosk is one with a table of its own (multi-table inheritance). */
public class Store extends Model {
    public static final Manager<Store> objects = Manager.of(Store.class);

    @CharField(maxLength = 30)
    public String name;
}
