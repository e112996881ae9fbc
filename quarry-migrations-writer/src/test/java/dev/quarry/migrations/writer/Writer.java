package dev.quarry.migrations.writer;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import java.time.LocalDate;

/** The round trip's author: a name in its own column and a nullable birth date. */
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 100, dbColumn = "full_name", dbIndex = true)
    public String name;

    @DateField(nullable = true)
    public LocalDate born;
}
