package dev.quarry.conditional;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** An order of a client (Django's script calls the model Order), paid or open. */
public class Purchase extends Model {
    public static final Manager<Purchase> objects = Manager.of(Purchase.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "orders")
    public Ref<Client> client;

    @IntegerField
    public int amount;

    @CharField(maxLength = 10)
    public String status;

    static Purchase make(Client client, int amount, String status) {
        return objects.create(p -> {
            p.client.set(client);
            p.amount = amount;
            p.status = status;
        });
    }
}
