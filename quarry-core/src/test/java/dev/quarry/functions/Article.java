package dev.quarry.functions;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An article with text, numbers, a date and a date-time for functions and transforms to work on. */
public class Article extends Model {
    public static final Manager<Article> objects = Manager.of(Article.class);

    @CharField(maxLength = 50)
    public String title;

    @CharField(maxLength = 50, nullable = true)
    public String subtitle;

    @IntegerField
    public int words;

    @FloatField
    public double score;

    @DecimalField(maxDigits = 6, decimalPlaces = 2)
    public BigDecimal price;

    @DateField
    public LocalDate published;

    @DateTimeField
    public Instant createdAt;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "articles")
    public Ref<Writer> writer;

    /**
     * The three rows of {@code django_functions.py}:
     * <pre>
     * 1 Quarry Guide    (no subtitle) 1200 words  4.5  9.99  2024-02-29 (Thu)  2024-02-29 13:45:30.25
     * 2 django tips     "Tips"         350 words -2.5 12.50  2023-12-31 (Sun)  2023-12-31 23:59:59.999999
     * 3 Éclair Recipes  "  Sweet "       0 words  3.0  7.00  2021-01-03 (Sun, ISO week 53 of 2020)  2021-01-03 00:00
     * </pre>
     */
    static java.util.List<Article> rows() {
        Writer ann = Writer.objects.create(w -> w.name = "ann");
        return java.util.List.of(
                make("Quarry Guide", null, 1200, 4.5, "9.99", LocalDate.of(2024, 2, 29), "2024-02-29T13:45:30.250Z", ann),
                make("django tips", "Tips", 350, -2.5, "12.50", LocalDate.of(2023, 12, 31), "2023-12-31T23:59:59.999999Z", ann),
                make("Éclair Recipes", "  Sweet ", 0, 3.0, "7.00", LocalDate.of(2021, 1, 3), "2021-01-03T00:00:00Z", ann));
    }

    private static Article make(String title, String subtitle, int words, double score, String price, LocalDate published,
                                String created, Writer writer) {
        return objects.create(a -> {
            a.title = title;
            a.subtitle = subtitle;
            a.words = words;
            a.score = score;
            a.price = new BigDecimal(price);
            a.published = published;
            a.createdAt = Instant.parse(created);
            a.writer.set(writer);
        });
    }
}
