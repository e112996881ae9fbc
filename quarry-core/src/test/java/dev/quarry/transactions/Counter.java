package dev.quarry.transactions;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.Instant;

/** A named counter: a unique name (the key getOrCreate looks up), a quantity, an optional shelf and labels. */
public class Counter extends Model {
    public static final Manager<Counter> objects = Manager.of(Counter.class);

    @CharField(maxLength = 40, unique = true)
    public String name;

    @IntegerField
    public int qty;

    @CharField(maxLength = 40, blank = true, defaultValue = "")
    public String note;

    @ForeignKey(nullable = true, onDelete = OnDelete.CASCADE, relatedName = "counters")
    public Ref<Shelf> shelf;

    @DateTimeField(autoNow = true, nullable = true)
    public Instant touched;

    @ManyToManyField(relatedName = "counters")
    public ManyToMany<Label> labels;

    public static Counter of(String name, int qty) {
        return objects.create(c -> {
            c.name = name;
            c.qty = qty;
        });
    }
}
