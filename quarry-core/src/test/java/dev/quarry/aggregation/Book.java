package dev.quarry.aggregation;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;
import java.util.List;

/** A book with two multi-valued relations of its own: {@code tags} and Review's {@code review}. */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @IntegerField
    public int pages;

    @FloatField
    public double rating;

    @DateField
    public LocalDate published;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ManyToManyField(relatedName = "books")
    public ManyToMany<Tag> tags;

    /**
     * The rows of {@code django_aggregate.py}: ann wrote Dune (412 pages, 4.5, 1965; scifi and classic;
     * reviews 5 and 3) and Emma (474, 3.75, 1996; classic); bob wrote Faust (158, 4.0, 2003; review 4)
     * and Gigi (120, 2.5, 2003; classic); cat wrote nothing; dan wrote Hamlet (300, 5.0, 1965;
     * classic and drama; reviews 5, 4 and 2).
     */
    static void rows() {
        Author ann = author("ann");
        Author bob = author("bob");
        author("cat");
        Author dan = author("dan");
        Tag scifi = tag("scifi");
        Tag classic = tag("classic");
        Tag drama = tag("drama");
        make("Dune", 412, 4.5, LocalDate.of(1965, 8, 1), ann, List.of(scifi, classic), 5, 3);
        make("Emma", 474, 3.75, LocalDate.of(1996, 6, 15), ann, List.of(classic));
        make("Faust", 158, 4.0, LocalDate.of(2003, 3, 18), bob, List.of(), 4);
        make("Gigi", 120, 2.5, LocalDate.of(2003, 11, 2), bob, List.of(classic));
        make("Hamlet", 300, 5.0, LocalDate.of(1965, 3, 10), dan, List.of(classic, drama), 5, 4, 2);
    }

    private static Author author(String name) {
        return Author.objects.create(a -> a.name = name);
    }

    private static Tag tag(String name) {
        return Tag.objects.create(t -> t.name = name);
    }

    private static void make(String title, int pages, double rating, LocalDate published, Author author, List<Tag> tags,
                             int... stars) {
        Book b = objects.create(x -> {
            x.title = title;
            x.pages = pages;
            x.rating = rating;
            x.published = published;
            x.author.set(author);
        });
        for (Tag t : tags) {
            b.tags.add(t);
        }
        for (int s : stars) {
            Review.objects.create(r -> {
                r.book.set(b);
                r.stars = s;
            });
        }
    }
}
