package dev.quarry.onetoone;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.OneToOneField;

/** One per author at most, without a related name: Author reaches it as {@code authorprofile}. */
public class AuthorProfile extends Model {
    public static final Manager<AuthorProfile> objects = Manager.of(AuthorProfile.class);

    @OneToOneField(onDelete = OnDelete.CASCADE)
    public Ref<Author> author;

    @CharField(maxLength = 100)
    public String website;
}
