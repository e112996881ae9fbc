package dev.quarry.registry;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** A model that ConfigurationErrorsTest leaves out of its Quarry's models. */
public class Outsider extends Model {
    public static final Manager<Outsider> objects = Manager.of(Outsider.class);

    @CharField(maxLength = 20)
    public String name;
}
