package dev.quarry.processor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The guide's four models as source text (package {@code lib}), for the processor tests to compile. */
final class LibrarySources {
    private LibrarySources() {}

    static final String AUTHOR = """
            package lib;
            import dev.quarry.Model;
            import dev.quarry.annotation.CharField;
            import dev.quarry.annotation.TextField;
            public class Author extends Model {
                public static final dev.quarry.Manager<Author> objects = dev.quarry.Manager.of(Author.class);
                @CharField(maxLength = 100) public String name;
                @TextField(blank = true) public String bio = "";
            }
            """;

    static final String BOOK = """
            package lib;
            import dev.quarry.ManyToMany;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.CharField;
            import dev.quarry.annotation.DateField;
            import dev.quarry.annotation.ForeignKey;
            import dev.quarry.annotation.ManyToManyField;
            import dev.quarry.annotation.OnDelete;
            import java.time.LocalDate;
            public class Book extends Model {
                public static final dev.quarry.Manager<Book> objects = dev.quarry.Manager.of(Book.class);
                @CharField(maxLength = 200) public String title;
                @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books") public Ref<Author> author;
                @DateField public LocalDate publishedDate;
                @CharField(maxLength = 13) public String isbn;
                @ManyToManyField(relatedName = "books") public ManyToMany<Tag> tags;
            }
            """;

    static final String REVIEW = """
            package lib;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.CharField;
            import dev.quarry.annotation.DateTimeField;
            import dev.quarry.annotation.ForeignKey;
            import dev.quarry.annotation.OnDelete;
            import dev.quarry.annotation.PositiveSmallIntegerField;
            import java.time.Instant;
            public class Review extends Model {
                public static final dev.quarry.Manager<Review> objects = dev.quarry.Manager.of(Review.class);
                @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Book> book;
                @CharField(maxLength = 100) public String userName;
                @PositiveSmallIntegerField public int rating;
                @DateTimeField(autoNowAdd = true) public Instant createdAt;
            }
            """;

    static final String TAG = """
            package lib;
            import dev.quarry.Model;
            import dev.quarry.annotation.CharField;
            public class Tag extends Model {
                public static final dev.quarry.Manager<Tag> objects = dev.quarry.Manager.of(Tag.class);
                @CharField(maxLength = 50) public String name;
            }
            """;

    /** The four models (file name to text). */
    static Map<String, String> models() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("lib/Author.java", AUTHOR);
        out.put("lib/Book.java", BOOK);
        out.put("lib/Review.java", REVIEW);
        out.put("lib/Tag.java", TAG);
        return out;
    }

    /** The four models and one more source, {@code lib/<name>.java}. */
    static Map<String, String> with(String name, String text) {
        Map<String, String> out = models();
        out.put("lib/" + name + ".java", text);
        return out;
    }
}
