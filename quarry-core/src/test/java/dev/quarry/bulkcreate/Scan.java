package dev.quarry.bulkcreate;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BinaryField;
import dev.quarry.annotation.CharField;

/** Raw bytes beside a name: a column kind PostgreSQL's bulk insert leaves to VALUES rows. */
public class Scan extends Model {
    public static final Manager<Scan> objects = Manager.of(Scan.class);

    @CharField(maxLength = 10)
    public String name;

    @BinaryField
    public byte[] data;

    static Scan of(String name, byte[] data) {
        Scan s = new Scan();
        s.name = name;
        s.data = data;
        return s;
    }
}
