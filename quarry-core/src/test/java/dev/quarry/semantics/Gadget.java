package dev.quarry.semantics;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.UUIDField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One field of every remaining kind, with model options: a table name, a default ordering, a column name. */
@Meta(dbTable = "gadgets", ordering = {"-name"})
public class Gadget extends Model {
    public static final Manager<Gadget> objects = Manager.of(Gadget.class);

    @CharField(maxLength = 20, dbColumn = "label")
    public String name;

    @UUIDField(nullable = true)
    public UUID code;

    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @BooleanField
    public boolean active;

    @FloatField(nullable = true)
    public Double weight;

    @DateTimeField(nullable = true)
    public Instant seen;

    @BigIntegerField(defaultValue = "7")
    public Long stock;

    @SmallIntegerField(choices = {"1", "2", "3"}, defaultValue = "1")
    public Short size;
}
