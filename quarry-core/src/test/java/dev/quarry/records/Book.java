package dev.quarry.records;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A book, perhaps without an author (so a join to the author may give NULLs). */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @IntegerField
    public int pages;

    @FloatField
    public double rating;

    @DateField
    public LocalDate publishedDate;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "books")
    public Ref<Author> author;

    /** ann (1920-1986) wrote Dune (412 pages, 4.5) and Emma (320, 3.75); bob (1950, alive) wrote Faust (180, 4.0); Anon has no author. */
    static void rows() {
        Author ann = Author.objects.create(a -> {
            a.name = "ann";
            a.birthYear = 1920;
            a.deathYear = 1986;
        });
        Author bob = Author.objects.create(a -> {
            a.name = "bob";
            a.birthYear = 1950;
        });
        make("Dune", 412, 4.5, LocalDate.of(1965, 8, 1), ann);
        make("Emma", 320, 3.75, LocalDate.of(1996, 6, 15), ann);
        make("Faust", 180, 4.0, LocalDate.of(2003, 3, 18), bob);
        make("Anon", 99, 2.0, LocalDate.of(2010, 1, 1), null);
    }

    private static void make(String title, int pages, double rating, LocalDate published, Author author) {
        objects.create(b -> {
            b.title = title;
            b.pages = pages;
            b.rating = rating;
            b.publishedDate = published;
            if (author != null) {
                b.author.set(author);
            }
        });
    }
}
