package dev.quarry.onetoone;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.OneToOneField;

/** A nullable one-to-one with a related name: Author reaches it as {@code passport}; several may have no holder. */
public class Passport extends Model {
    public static final Manager<Passport> objects = Manager.of(Passport.class);

    @OneToOneField(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "passport")
    public Ref<Author> holder;

    @CharField(maxLength = 20)
    public String number;
}
