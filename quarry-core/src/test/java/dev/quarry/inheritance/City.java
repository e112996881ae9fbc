package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** What a Place may be in: a foreign key a child inherits ({@code Restaurant.objects.selectRelated("city")}). */
public class City extends Model {
    public static final Manager<City> objects = Manager.of(City.class);

    @CharField(maxLength = 30)
    public String name;
}
