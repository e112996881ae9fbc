package dev.quarry.metadata;

import dev.quarry.ManyToMany;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import java.math.BigDecimal;

/** A book: one relation of each naming style (relatedName, default, hidden, relatedName plus relatedQueryName). */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 200)
    public String title;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true)
    public Ref<Publisher> publisher;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+", dbColumn = "translated_by")
    public Ref<Author> translator;

    @IntegerField(nullable = true)
    public Integer pageCount;

    @DecimalField(maxDigits = 6, decimalPlaces = 2, nullable = true)
    public BigDecimal price;

    @ManyToManyField(relatedName = "tagged", relatedQueryName = "tagged_book")
    public ManyToMany<Tag> tags;
}
