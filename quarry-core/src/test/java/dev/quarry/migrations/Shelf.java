package dev.quarry.migrations;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The Migrator tests' model: a shelf with a label, as the first migration creates it. */
public class Shelf extends Model {
    public static final Manager<Shelf> objects = Manager.of(Shelf.class);

    @CharField(maxLength = 30)
    public String label;
}
