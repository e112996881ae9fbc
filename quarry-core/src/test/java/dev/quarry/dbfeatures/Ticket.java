package dev.quarry.dbfeatures;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Defaults;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.BooleanField;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Computed defaults, database defaults and a field that is not editable. */
public class Ticket extends Model {
    public static final Manager<Ticket> objects = Manager.of(Ticket.class);

    /** Django's callable default: a new number for every new instance. */
    public static final class NextNumber implements Supplier<Integer> {
        static final AtomicInteger COUNTER = new AtomicInteger();

        /** Needed by the annotation. */
        public NextNumber() {}

        @Override
        public Integer get() {
            return COUNTER.incrementAndGet();
        }
    }

    @CharField(maxLength = 20)
    public String title;

    @IntegerField(defaultSupplier = NextNumber.class)
    public int number;

    @IntegerField(dbDefault = "5")
    public Integer priority;

    @CharField(maxLength = 10, dbDefault = "new")
    public String status;

    @BooleanField(dbDefault = "true")
    public Boolean open;

    @DateTimeField(dbDefault = Defaults.NOW)
    public Instant created;

    @CharField(maxLength = 3, editable = false, choices = {"A", "B"})
    public String locked;

    static Ticket titled(String title) {
        Ticket t = new Ticket();
        t.title = title;
        t.locked = "A";
        return t;
    }
}
