package dev.quarry.fields;

import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PositiveIntegerField;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.TextField;
import dev.quarry.annotation.UUIDField;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Two fields of every annotation type with complementary options: each {@code ...A} sets nullable,
 * unique, choices, dbColumn and a default; each {@code ...B} sets blank and dbIndex. A reader that
 * mixed two options up would show on one of the pair. Read only as metadata (no table is created).
 */
public class AllOptions extends Model {
    @CharField(maxLength = 7, nullable = true, unique = true, choices = {"c", "d"}, dbColumn = "char_col", defaultValue = "c")
    public String charA;
    @CharField(maxLength = 9, blank = true, dbIndex = true)
    public String charB;

    @TextField(nullable = true, unique = true, choices = {"t"}, dbColumn = "text_col", defaultValue = "t")
    public String textA;
    @TextField(blank = true, dbIndex = true)
    public String textB;

    @IntegerField(nullable = true, unique = true, choices = {"1", "2"}, dbColumn = "integer_col", defaultValue = "1")
    public Integer integerA;
    @IntegerField(blank = true, dbIndex = true)
    public int integerB;

    @SmallIntegerField(nullable = true, unique = true, choices = {"2"}, dbColumn = "small_col", defaultValue = "2")
    public Short smallA;
    @SmallIntegerField(blank = true, dbIndex = true)
    public short smallB;

    @PositiveSmallIntegerField(nullable = true, unique = true, choices = {"3"}, dbColumn = "psmall_col", defaultValue = "3")
    public Integer positiveSmallA;
    @PositiveSmallIntegerField(blank = true, dbIndex = true)
    public int positiveSmallB;

    @PositiveIntegerField(nullable = true, unique = true, choices = {"4"}, dbColumn = "pint_col", defaultValue = "4")
    public Long positiveA;
    @PositiveIntegerField(blank = true, dbIndex = true)
    public long positiveB;

    @BigIntegerField(nullable = true, unique = true, choices = {"5"}, dbColumn = "big_col", defaultValue = "5")
    public Long bigA;
    @BigIntegerField(blank = true, dbIndex = true)
    public long bigB;

    @BooleanField(nullable = true, unique = true, choices = {"true"}, dbColumn = "bool_col", defaultValue = "t")
    public Boolean boolA;
    @BooleanField(blank = true, dbIndex = true)
    public boolean boolB;

    @FloatField(nullable = true, unique = true, choices = {"0.5"}, dbColumn = "float_col", defaultValue = "0.5")
    public Double floatA;
    @FloatField(blank = true, dbIndex = true)
    public float floatB;

    @DecimalField(maxDigits = 6, decimalPlaces = 3, nullable = true, unique = true, choices = {"1.25"},
            dbColumn = "decimal_col", defaultValue = "1.25")
    public BigDecimal decimalA;
    @DecimalField(maxDigits = 5, decimalPlaces = 1, blank = true, dbIndex = true)
    public BigDecimal decimalB;

    @DateField(nullable = true, unique = true, choices = {"2024-02-29"}, dbColumn = "date_col", defaultValue = "2024-02-29")
    public LocalDate dateA;
    @DateField(blank = true, dbIndex = true, autoNow = true)
    public LocalDate dateB;

    @DateTimeField(nullable = true, unique = true, choices = {"2024-02-29T13:45:10Z"}, dbColumn = "datetime_col",
            defaultValue = "2024-02-29T13:45:10Z")
    public Instant dateTimeA;
    @DateTimeField(blank = true, dbIndex = true, autoNowAdd = true)
    public Instant dateTimeB;

    @UUIDField(nullable = true, unique = true, choices = {"123e4567-e89b-12d3-a456-426614174000"}, dbColumn = "uuid_col",
            defaultValue = "123e4567-e89b-12d3-a456-426614174000")
    public UUID uuidA;
    @UUIDField(blank = true, dbIndex = true)
    public UUID uuidB;

    @ForeignKey(onDelete = OnDelete.SET_NULL, relatedName = "+", nullable = true, unique = true, dbColumn = "team_col",
            defaultValue = "4")
    public Ref<Team> teamA;
    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+", blank = true)
    public Ref<Team> teamB;
}
