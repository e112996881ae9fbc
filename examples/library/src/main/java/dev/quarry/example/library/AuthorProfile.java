package dev.quarry.example.library;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.OneToOneField;
import dev.quarry.annotation.OnDelete;

/**
 * At most one per author (a one-to-one): the author reaches it as {@code relatedOne("authorprofile",
 * AuthorProfile.class)}, lookups as {@code authorprofile__website}; an author without one gives
 * {@code DoesNotExist}.
 */
public class AuthorProfile extends Model {
    public static final Manager<AuthorProfile> objects = Manager.of(AuthorProfile.class);

    @OneToOneField(onDelete = OnDelete.CASCADE)
    public Ref<Author> author;

    @CharField(maxLength = 100)
    public String website;

    @Override
    public String toString() {
        return website;
    }
}
