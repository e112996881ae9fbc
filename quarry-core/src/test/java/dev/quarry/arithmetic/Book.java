package dev.quarry.arithmetic;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A book with a number of each kind to compute with. */
public class Book extends Model {
    public static final Manager<Book> objects = Manager.of(Book.class);

    @CharField(maxLength = 50)
    public String title;

    @IntegerField
    public int pages;

    @DecimalField(maxDigits = 6, decimalPlaces = 2)
    public BigDecimal price;

    @FloatField
    public double rating;

    @IntegerField
    public int stock;

    @DateField
    public LocalDate published;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books")
    public Ref<Author> author;

    @Override
    public String toString() {
        return title;
    }
}
