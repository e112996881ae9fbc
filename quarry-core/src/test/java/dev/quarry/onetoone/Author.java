package dev.quarry.onetoone;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;

/** The target of two one-to-one fields: AuthorProfile.author ({@code authorprofile}) and Passport.holder ({@code passport}). */
public class Author extends Model {
    public static final Manager<Author> objects = Manager.of(Author.class);

    @CharField(maxLength = 50)
    public String name;

    /** Typed handle of the reverse side of {@code AuthorProfile.author}; {@code DoesNotExist} when there is none. */
    public AuthorProfile profile() {
        return relatedOne("authorprofile", AuthorProfile.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
