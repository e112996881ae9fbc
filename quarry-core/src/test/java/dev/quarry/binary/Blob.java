package dev.quarry.binary;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BinaryField;
import dev.quarry.annotation.CharField;

/** Bytes, nullable and not, with defaults. */
public class Blob extends Model {
    public static final Manager<Blob> objects = Manager.of(Blob.class);

    @CharField(maxLength = 20)
    public String name = "b";

    @BinaryField(nullable = true)
    public byte[] data;

    /** At most 4 bytes, an empty array by default. */
    @BinaryField(maxLength = 4, defaultValue = "", blank = true)
    public byte[] small;

    @BinaryField(defaultValue = "cafe01")
    public byte[] magic;

    static Blob of(String name, byte[] data) {
        Blob b = new Blob();
        b.name = name;
        b.data = data;
        return b;
    }
}
