package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Ordering;
import dev.quarry.Q;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The processor writes a {@code Book_} per model with a path per field and relation (reverse ones named
 * by the registry's rule), the paths give the lookup strings' conditions, and javac refuses what the
 * strings would only refuse at run time: a misspelt field, a value of the wrong type, a path through a
 * relation that is not there. Declarations the core refuses at start-up are compile errors.
 */
class MetamodelProcessorTest {

    @Test
    void eachModelGetsAPathPerFieldAndRelation() {
        Javac.Result r = Javac.compile(LibrarySources.models());
        assertThat(r.errors()).isEmpty();
        String book = r.generatedSource("lib/Book_.java");
        assertThat(book)
                .contains("public final class Book_ {")
                .contains("public static final NumberPath<Long> id = new NumberPath<>(\"id\", Long.class);")
                .contains("public static final StringPath title = new StringPath(\"title\");")
                .contains("public static final DatePath<LocalDate> publishedDate = new DatePath<>(\"published_date\", LocalDate.class);")
                .contains("public static final Author_.One1 author = new Author_.One1(\"author\", \"author\");")
                .contains("public static final Tag_.Many1 tags = new Tag_.Many1(\"tags\", \"tags\");")
                // Review.book has no related name: lookups say "review", loading says "review_set".
                .contains("public static final Review_.Many1 review = new Review_.Many1(\"review\", \"review_set\");");
        assertThat(r.generatedSource("lib/Author_.java"))
                .contains("public static final Book_.Many1 books = new Book_.Many1(\"books\", \"books\");");
        assertThat(r.generatedSource("lib/Review_.java"))
                .contains("public static final NumberPath<Integer> rating = new NumberPath<>(\"rating\", Integer.class);")
                .contains("public static final DateTimePath<Instant> createdAt = new DateTimePath<>(\"created_at\", Instant.class);");
        assertThat(r.generatedSource("lib/Tag_.java"))
                .contains("public static final Book_.Many1 books = new Book_.Many1(\"books\", \"books\");");
    }

    @Test
    @SuppressWarnings("unchecked")
    void typedPathsGiveTheConditionsOfTheLookupStrings() throws Exception {
        Javac.Result r = Javac.compile(LibrarySources.with("Queries", """
                package lib;
                import dev.quarry.Ordering;
                import dev.quarry.Q;
                import java.time.LocalDate;
                import java.util.List;
                public class Queries {
                    public static List<Object> all() {
                        return List.of(
                                Book_.author.name.icontains("x"),
                                Author_.books.publishedDate.gt(LocalDate.of(2020, 1, 1)),
                                Author_.books.review.rating.eq(5),
                                Author_.books.tags.books.title.startsWith("H"),
                                Book_.tags.name.in("Mystery", "Thriller"),
                                Author_.books.isNull(true),
                                Book_.publishedDate.year().eq(2020),
                                Book_.title.desc(),
                                Author_.books.review.accessorPath());
                    }
                }
                """));
        assertThat(r.errors()).isEmpty();
        try (var loader = r.loader()) {
            Method all = loader.loadClass("lib.Queries").getMethod("all");
            List<Object> made = (List<Object>) all.invoke(null);
            assertThat(made).containsExactly(
                    Q.of("author__name__icontains", "x"),
                    Q.of("books__published_date__gt", LocalDate.of(2020, 1, 1)),
                    Q.of("books__review__rating", 5),
                    Q.of("books__tags__books__title__startswith", "H"),
                    Q.of("tags__name__in", List.of("Mystery", "Thriller")),
                    Q.of("books__isnull", true),
                    Q.of("published_date__year", 2020),
                    Ordering.desc("title"),
                    "books__review_set");
        }
    }

    @Test
    void aMisspeltFieldFailsToCompile() {
        Javac.Result r = Javac.compile(LibrarySources.with("Search", """
                package lib;
                public class Search {
                    static Object q = Book_.titel.eq("Dune");
                }
                """));
        assertThat(r.success()).isFalse();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0)).startsWith("Search.java:3: ").contains("cannot find symbol").contains("titel");
    }

    @Test
    void aValueOfTheWrongTypeFailsToCompile() {
        Javac.Result r = Javac.compile(LibrarySources.with("Search", """
                package lib;
                public class Search {
                    static Object q = Book_.publishedDate.gt("2020-01-01");
                }
                """));
        assertThat(r.success()).isFalse();
        assertThat(r.errors()).singleElement().asString().startsWith("Search.java:3: ").contains("gt");
    }

    @Test
    void selectRelatedTakesOnlySingleValuedRelations() {
        Javac.Result r = Javac.compile(LibrarySources.with("Search", """
                package lib;
                import dev.quarry.QuerySet;
                public class Search {
                    static QuerySet<Review> ok = Review.objects.selectRelated(Review_.book.author);
                    static Object wrong = Book.objects.selectRelated(Book_.tags);
                }
                """));
        assertThat(r.errors()).singleElement().asString().startsWith("Search.java:5: ")
                .contains("no suitable method found for selectRelated");
    }

    @Test
    void theAccessorIsNotALookupName() {
        // Django: book.review_set loads, but filter(review_set__rating=5) is an error; so is Book_.review_set.
        Javac.Result r = Javac.compile(LibrarySources.with("Search", """
                package lib;
                public class Search {
                    static Object q = Book_.review_set.rating.eq(5);
                }
                """));
        assertThat(r.errors()).singleElement().asString().contains("cannot find symbol").contains("review_set");
    }

    @Test
    void pathsFollowAsManyRelationsAsTheDepthAllows() {
        String deep = """
                package lib;
                public class Deep {
                    static Object q = Author_.books.tags.books.author.name.eq("x");
                }
                """;
        assertThat(Javac.compile(LibrarySources.with("Deep", deep)).errors()).singleElement().asString()
                .contains("cannot find symbol").contains("author");
        assertThat(Javac.compile(LibrarySources.with("Deep", deep), "-Aquarry.metamodel.depth=4").errors()).isEmpty();
        assertThat(Javac.compile(LibrarySources.models(), "-Aquarry.metamodel.depth=0").errors()).singleElement().asString()
                .contains("-Aquarry.metamodel.depth=0 is not a depth: give a whole number from 1 to 8 (default 3)");
    }

    @Test
    void aRelationToAClassThatIsNotAModelIsACompileError() {
        Javac.Result r = Javac.compile(LibrarySources.with("Loan", """
                package lib;
                import dev.quarry.Model;
                import dev.quarry.Ref;
                import dev.quarry.annotation.ForeignKey;
                import dev.quarry.annotation.OnDelete;
                public class Loan extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<String> reader;
                }
                """));
        assertThat(r.success()).isFalse();
        assertThat(r.errors()).singleElement().asString().startsWith("Loan.java:7: ")
                .contains("@ForeignKey on Loan.reader points at java.lang.String, which is not a model "
                        + "(models extend dev.quarry.Model)");
    }

    @Test
    void aHolderWithoutItsAnnotationIsACompileError() {
        Javac.Result r = Javac.compile(LibrarySources.with("Loan", """
                package lib;
                import dev.quarry.Model;
                import dev.quarry.Ref;
                public class Loan extends Model {
                    public Ref<Book> book;
                }
                """));
        assertThat(r.errors()).singleElement().asString()
                .contains("Loan.book is a Ref without @ForeignKey or @OneToOneField");
    }

    @Test
    void reverseNamesThatClashAreCompileErrorsNamingBothFields() {
        Javac.Result r = Javac.compile(LibrarySources.with("Loan", """
                package lib;
                import dev.quarry.Model;
                import dev.quarry.Ref;
                import dev.quarry.annotation.ForeignKey;
                import dev.quarry.annotation.OnDelete;
                public class Loan extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "books") public Ref<Author> lender;
                    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "title") public Ref<Book> book;
                }
                """));
        assertThat(r.errors()).containsExactlyInAnyOrder(
                "Loan.java:7: Reverse query name 'books' on Author is claimed by both Book.author and Loan.lender; "
                        + "give one of them a relatedName",
                "Loan.java:8: Reverse name 'title' of Loan.book clashes with field Book.title; "
                        + "give Loan.book a different relatedName");
    }

    @Test
    void abstractBasesLendTheirFieldsAndGetNoMetamodel() {
        Javac.Result r = Javac.compile(LibrarySources.with("Dated", """
                package lib;
                import dev.quarry.Model;
                import dev.quarry.annotation.DateField;
                import dev.quarry.annotation.CharField;
                import java.time.LocalDate;
                public abstract class Dated extends Model {
                    @DateField public LocalDate created;
                    public static class Event extends Dated {
                        @CharField(maxLength = 10) public String code;
                    }
                }
                """));
        assertThat(r.errors()).isEmpty();
        assertThat(r.generated().resolve("lib/Dated_.java")).doesNotExist();
        assertThat(r.generatedSource("lib/Event_.java"))
                .contains("public static final DatePath<LocalDate> created = new DatePath<>(\"created\", LocalDate.class);")
                .contains("public static final StringPath code = new StringPath(\"code\");");
    }
}
