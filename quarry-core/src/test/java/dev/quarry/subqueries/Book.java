package dev.quarry.subqueries;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A book; Review's reverse query name is {@code review}. */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @DateField
    public LocalDate published;

    @FloatField
    public double rating;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    /**
     * The rows of {@code django_subqueries.py}: ann wrote Dune (1965, 4.5; reviews 5 and 3) and Emma
     * (1996, 3.75); bob wrote Faust (2003, 4.0; review 4); cat wrote nothing.
     */
    static void rows() {
        Author ann = Author.objects.create(a -> a.name = "ann");
        Author bob = Author.objects.create(a -> a.name = "bob");
        Author.objects.create(a -> a.name = "cat");
        Book dune = make("Dune", LocalDate.of(1965, 8, 1), 4.5, ann);
        make("Emma", LocalDate.of(1996, 6, 15), 3.75, ann);
        Book faust = make("Faust", LocalDate.of(2003, 3, 18), 4.0, bob);
        Review.make(dune, 5);
        Review.make(dune, 3);
        Review.make(faust, 4);
    }

    private static Book make(String title, LocalDate published, double rating, Author author) {
        return objects.create(b -> {
            b.title = title;
            b.published = published;
            b.rating = rating;
            b.author.set(author);
        });
    }
}
