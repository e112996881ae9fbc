package dev.quarry.transactions;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.VersionField;

/** A stock level under optimistic locking: every save raises {@link #version}, and a stale save is refused. */
public class Stock extends Model {
    public static final Manager<Stock> objects = Manager.of(Stock.class);

    @CharField(maxLength = 40, unique = true)
    public String name;

    @IntegerField
    public int qty;

    @VersionField
    public long version;

    public static Stock of(String name, int qty) {
        return objects.create(s -> {
            s.name = name;
            s.qty = qty;
        });
    }
}
