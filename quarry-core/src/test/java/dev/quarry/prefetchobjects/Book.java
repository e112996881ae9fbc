package dev.quarry.prefetchobjects;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A book of an author ({@code books} on Author), tagged ({@code books} on Tag), reviewed ({@code review_set}). */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @DateField
    public LocalDate publishedDate;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    /**
     * The rows of {@code django_prefetch_objects.py}, created in this order:
     * <pre>
     * authors ann, bob, cyd (no book)          tags fantasy, scifi, poetry (no book)
     * ann: a1 2001 [fantasy]  a2 2005 [scifi]  a3 2010 [fantasy, scifi]  a4 2003 []
     * bob: b1 1999 []         b2 2020 [scifi]
     * reviews: a3 5, a3 3, a2 4, b2 2, a3 1
     * </pre>
     */
    static void rows() {
        Author ann = Author.make("ann");
        Author bob = Author.make("bob");
        Author.make("cyd");
        Tag fantasy = Tag.make("fantasy");
        Tag scifi = Tag.make("scifi");
        Tag.make("poetry");
        make("a1", ann, "2001-01-01", fantasy);
        Book a2 = make("a2", ann, "2005-01-01", scifi);
        Book a3 = make("a3", ann, "2010-01-01", fantasy, scifi);
        make("a4", ann, "2003-01-01");
        make("b1", bob, "1999-01-01");
        Book b2 = make("b2", bob, "2020-01-01", scifi);
        Review.make(a3, 5);
        Review.make(a3, 3);
        Review.make(a2, 4);
        Review.make(b2, 2);
        Review.make(a3, 1);
    }

    private static Book make(String title, Author author, String date, Tag... tags) {
        Book b = objects.create(x -> {
            x.title = title;
            x.author.set(author);
            x.publishedDate = LocalDate.parse(date);
        });
        for (Tag t : tags) {
            b.tags.add(t);
        }
        return b;
    }

    @Override
    public String toString() {
        return title;
    }
}
