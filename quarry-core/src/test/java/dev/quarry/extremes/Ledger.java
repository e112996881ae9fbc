package dev.quarry.extremes;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DecimalField;
import java.math.BigDecimal;

/** Wide decimals: 38 digits, 10 of them after the point. */
public class Ledger extends Model {
    public static final Manager<Ledger> objects = Manager.of(Ledger.class);

    @CharField(maxLength = 20)
    public String name;

    @DecimalField(maxDigits = 38, decimalPlaces = 10)
    public BigDecimal amount;

    static Ledger of(String name, String amount) {
        Ledger l = new Ledger();
        l.name = name;
        l.amount = new BigDecimal(amount);
        return l;
    }
}
