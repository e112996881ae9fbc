package dev.quarry.naming;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** relatedName "cars" with relatedQueryName "car": accessor {@code cars}, lookups {@code car__...}; the maker's reverse side is hidden. */
public class Car extends Model {
    public static final Manager<Car> objects = Manager.of(Car.class);

    @CharField(maxLength = 50)
    public String model;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "cars", relatedQueryName = "car")
    public Ref<Person> driver;

    @ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "+", nullable = true)
    public Ref<Person> maker;
}
