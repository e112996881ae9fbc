package dev.quarry.fields;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.TextField;
import dev.quarry.annotation.UUIDField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Declared defaults of several kinds (an empty string, a primitive, boolean text forms) and plain typed fields. */
public class Profile extends Model {
    public static final Manager<Profile> objects = Manager.of(Profile.class);

    @CharField(maxLength = 20, blank = true, defaultValue = "")
    public String nickname;

    @TextField(defaultValue = "no bio yet")
    public String bio;

    @PositiveSmallIntegerField(defaultValue = "5")
    public int rating;

    @BooleanField(defaultValue = "1")
    public boolean active;

    @BooleanField(defaultValue = "true")
    public Boolean verified;

    @BooleanField(defaultValue = "f")
    public boolean banned;

    /** The initializer runs after Model's constructor, so 9 wins over the declared 3. */
    @IntegerField(defaultValue = "3")
    public int level = 9;

    @IntegerField
    public int visits;

    @IntegerField(nullable = true)
    public Integer score;

    @SmallIntegerField(nullable = true)
    public Short rank;

    @DateField(nullable = true)
    public LocalDate joined;

    @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
    public BigDecimal balance;

    @UUIDField(nullable = true)
    public UUID token;
}
