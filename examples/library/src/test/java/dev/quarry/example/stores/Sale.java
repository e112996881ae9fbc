package dev.quarry.example.stores;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** Points at the parent Store: a Kiosk reaches its sales through Store ({@code Kiosk_.sales}). */
public class Sale extends Model {
    public static final Manager<Sale> objects = Manager.of(Sale.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "sales")
    public Ref<Store> store;

    @IntegerField
    public int amount;
}
