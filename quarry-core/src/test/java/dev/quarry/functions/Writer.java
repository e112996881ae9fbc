package dev.quarry.functions;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The writer of {@link Article}s ({@code articles} is the reverse side). */
public class Writer extends Model {
    public static final Manager<Writer> objects = Manager.of(Writer.class);

    @CharField(maxLength = 50)
    public String name;
}
