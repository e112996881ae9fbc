package dev.quarry.typed;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import java.time.Instant;

/** A loan of a volume; no related name, so Volume reaches it as {@code loan_set} and lookups as {@code loan}. */
public class Loan extends Model {
    public static final Manager<Loan> objects = Manager.of(Loan.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Volume> volume;

    @CharField(maxLength = 30)
    public String reader;

    @DateTimeField
    public Instant lentAt;
}
