package dev.quarry.raw;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;

/** A book, in table {@code raw_book}. */
@Meta(dbTable = "raw_book")
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @IntegerField
    public int pages;

    @DateField(nullable = true)
    public LocalDate published;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    /** The rows of {@code django_raw.py}: ann wrote Dune (412 pages, 1965) and Emma (320, 1996); bob wrote Faust (180, no date). */
    static void rows() {
        Author ann = Author.objects.create(a -> a.name = "ann");
        Author bob = Author.objects.create(a -> a.name = "bob");
        make("Dune", 412, LocalDate.of(1965, 8, 1), ann);
        make("Emma", 320, LocalDate.of(1996, 6, 15), ann);
        make("Faust", 180, null, bob);
    }

    private static void make(String title, int pages, LocalDate published, Author author) {
        objects.create(b -> {
            b.title = title;
            b.pages = pages;
            b.published = published;
            b.author.set(author);
        });
    }
}
