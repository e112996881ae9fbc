package dev.quarry.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.FieldError;
import dev.quarry.FieldInfo;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.RelationInfo;
import dev.quarry.RelationInfo.Kind;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The read-only model descriptions a Quarry gives tools: names, table, fields in order with their
 * options, and relations in both directions with the accessor and query names Django would give
 * them; plus reading and writing a field of an instance by name. Reading metadata runs no SQL.
 * Names, columns, kinds and options were checked against Django 3.2 on the same models
 * ({@code model_info_django.py} in this package's test resources); table names differ by design
 * (Quarry has no app label prefix).
 */
@QuarryTest(models = {Review.class})
class ModelInfoTest {

    /** A model no Quarry here registers. */
    public static class Stray extends Model {
    }

    private static Book savedBook() {
        Author ann = Author.objects.create(a -> a.name = "ann");
        return Book.objects.create(Map.of("title", "Dune", "author", ann));
    }

    // ----- models -----

    @Test
    void modelsAreTheNamedOnesThenThoseTheirRelationsReach(Quarry quarry, Queries queries) {
        List<ModelInfo> models = queries.assertNumQueries(0, quarry::models);
        // Only Review is named; the others come through relations, breadth first: Review's targets, then Book's.
        assertThat(models).extracting(ModelInfo::name).containsExactly("Review", "Book", "Tag", "Author", "Publisher");
        assertThat(models).extracting(ModelInfo::type)
                .containsExactly(Review.class, Book.class, Tag.class, Author.class, Publisher.class);
        assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> models.add(models.get(0)))).isNotNull();
    }

    @Test
    void aModelHasItsNameTableAndDefaultOrdering(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            ModelInfo author = quarry.model(Author.class);
            assertThat(author.type()).isEqualTo(Author.class);
            assertThat(author.name()).isEqualTo("Author");
            // Django: db_table = "writers", ordering = ["name"].
            assertThat(author.table()).isEqualTo("writers");
            assertThat(author.ordering()).containsExactly("name");
            ModelInfo book = quarry.model(Book.class);
            assertThat(book.table()).isEqualTo("book");
            assertThat(book.ordering()).isEmpty();
            assertThat(book).hasToString("ModelInfo[Book]");
        });
    }

    @Test
    void aClassThatIsNotOneOfTheQuarrysModelsIsRefusedNamingThem(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            ImproperlyConfigured e = catchThrowableOfType(ImproperlyConfigured.class, () -> quarry.model(Stray.class));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("Stray").contains("Author, Book, Publisher, Review, Tag");
        });
    }

    // ----- fields -----

    @Test
    void fieldsComeInDeclarationOrderWithThePrimaryKeyFirst(Quarry quarry, Queries queries) {
        List<FieldInfo> fields = queries.assertNumQueries(0, () -> quarry.model(Book.class).fields());
        // Django's concrete_fields, in the same order; many-to-many fields are not columns.
        assertThat(fields).extracting(FieldInfo::name, FieldInfo::queryName, FieldInfo::column, FieldInfo::kind)
                .containsExactly(
                        tuple("id", "id", "id", "AutoField"),
                        tuple("title", "title", "title", "CharField"),
                        tuple("author", "author", "author_id", "ForeignKey"),
                        tuple("publisher", "publisher", "publisher_id", "ForeignKey"),
                        tuple("translator", "translator", "translated_by", "ForeignKey"),
                        tuple("pageCount", "page_count", "page_count", "IntegerField"),
                        tuple("price", "price", "price", "DecimalField"));
        assertThat(fields).extracting(FieldInfo::nullable).containsExactly(false, false, false, true, true, true, true);
        assertThat(fields).extracting(FieldInfo::primaryKey).containsExactly(true, false, false, false, false, false, false);
        assertThat(fields).extracting(FieldInfo::maxLength).containsExactly(0, 200, 0, 0, 0, 0, 0);
        assertThat(fields).extracting(FieldInfo::isForeignKey).containsExactly(false, false, true, true, true, false, false);
        assertThat(fields).extracting(FieldInfo::javaType)
                .containsExactly(Long.class, String.class, Ref.class, Ref.class, Ref.class, Integer.class, BigDecimal.class);
        assertThat(fields.get(2)).hasToString("Book.author");
    }

    @Test
    void fieldOptionsAreThoseDeclared(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            ModelInfo author = quarry.model(Author.class);
            assertThat(author.fields()).extracting(FieldInfo::queryName).containsExactly("id", "name", "email", "born_on");
            FieldInfo email = author.field("email");
            // Django: CharField(max_length=120, null=True, unique=True).
            assertThat(email.kind()).isEqualTo("CharField");
            assertThat(email.maxLength()).isEqualTo(120);
            assertThat(email.nullable()).isTrue();
            assertThat(email.unique()).isTrue();
            assertThat(author.field("name").unique()).isFalse();
            assertThat(author.field("bornOn").kind()).isEqualTo("DateField");
            assertThat(quarry.model(Publisher.class).field("name").unique()).isTrue();
        });
    }

    @Test
    void aFieldIsFoundByJavaNameQueryNameColumnOrPk(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            ModelInfo book = quarry.model(Book.class);
            assertThat(book.field("pageCount").name()).isEqualTo("pageCount");
            assertThat(book.field("page_count").name()).isEqualTo("pageCount");
            assertThat(book.field("author_id").name()).isEqualTo("author");
            assertThat(book.field("pk").name()).isEqualTo("id");
        });
    }

    @Test
    void thePrimaryKeyIsTheAutomaticIdOrTheDeclaredOne(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            FieldInfo id = quarry.model(Book.class).pk();
            assertThat(id.name()).isEqualTo("id");
            assertThat(id.kind()).isEqualTo("AutoField");
            assertThat(id.primaryKey()).isTrue();
            assertThat(id.nullable()).isFalse();
            FieldInfo slug = quarry.model(Tag.class).pk();
            assertThat(slug.name()).isEqualTo("slug");
            assertThat(slug.kind()).isEqualTo("CharField");
            assertThat(slug.maxLength()).isEqualTo(30);
            assertThat(quarry.model(Tag.class).fields()).extracting(FieldInfo::name).containsExactly("slug");
            // Django: a primary key is unique (Field.unique is _unique or primary_key).
            assertThat(id.unique()).isTrue();
            assertThat(slug.unique()).isTrue();
        });
    }

    // ----- relations -----

    @Test
    void relationsOfAllFourKindsWithTheirAccessorAndQueryNames(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            // Django: Book.tags is a ManyToManyField; Review.book's reverse is review_set / critique.
            assertThat(quarry.model(Book.class).relations())
                    .extracting(RelationInfo::kind, RelationInfo::name, RelationInfo::queryName, RelationInfo::target,
                            RelationInfo::declaredBy)
                    .containsExactly(
                            tuple(Kind.FOREIGN_KEY, "author", "author", Author.class, Book.class),
                            tuple(Kind.FOREIGN_KEY, "publisher", "publisher", Publisher.class, Book.class),
                            tuple(Kind.FOREIGN_KEY, "translator", "translator", Author.class, Book.class),
                            tuple(Kind.MANY_TO_MANY, "tags", "tags", Tag.class, Book.class),
                            tuple(Kind.REVERSE_FOREIGN_KEY, "review_set", "critique", Review.class, Review.class));
            // Django: Author has books / books from Book.author; Book.translator's reverse is hidden ('+').
            assertThat(quarry.model(Author.class).relations())
                    .containsExactly(new RelationInfo(Kind.REVERSE_FOREIGN_KEY, "books", "books", Book.class, Book.class));
            // Django: no related_name gives book_set / book.
            assertThat(quarry.model(Publisher.class).relations())
                    .containsExactly(new RelationInfo(Kind.REVERSE_FOREIGN_KEY, "book_set", "book", Book.class, Book.class));
            // Django: related_name="tagged", related_query_name="tagged_book"; related_name="reviews" is both names.
            assertThat(quarry.model(Tag.class).relations()).containsExactlyInAnyOrder(
                    new RelationInfo(Kind.REVERSE_MANY_TO_MANY, "tagged", "tagged_book", Book.class, Book.class),
                    new RelationInfo(Kind.REVERSE_FOREIGN_KEY, "reviews", "reviews", Review.class, Review.class));
            assertThat(quarry.model(Review.class).relations()).containsExactly(
                    new RelationInfo(Kind.FOREIGN_KEY, "book", "book", Book.class, Review.class),
                    new RelationInfo(Kind.FOREIGN_KEY, "topic", "topic", Tag.class, Review.class));
            assertThat(quarry.model(Book.class).relations()).extracting(RelationInfo::multiValued)
                    .containsExactly(false, false, false, true, true);
        });
    }

    @Test
    void aRelationIsFoundByNameOrQueryName(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            ModelInfo book = quarry.model(Book.class);
            assertThat(book.relation("review_set")).get().extracting(RelationInfo::queryName).isEqualTo("critique");
            assertThat(book.relation("critique")).get().extracting(RelationInfo::name).isEqualTo("review_set");
            assertThat(book.relation("tags")).get().extracting(RelationInfo::kind).isEqualTo(Kind.MANY_TO_MANY);
            assertThat(book.relation("translator")).isPresent();
            assertThat(book.relation("title")).isEmpty();
            ModelInfo tag = quarry.model(Tag.class);
            assertThat(tag.relation("tagged")).isEqualTo(tag.relation("tagged_book")).isPresent();
            // The reverse of a hidden relation does not exist, under any name.
            ModelInfo author = quarry.model(Author.class);
            assertThat(author.relation("book_set")).isEmpty();
            assertThat(author.relation("translator")).isEmpty();
            assertThat(author.relation("+")).isEmpty();
            assertThat(author.relation("books")).isPresent();
        });
    }

    @Test
    void columnsReferringToATextKeyHoldValuesOfTheKeysLength(Queries queries) {
        // Django: Review.topic_id and book_tags.tag_id are varchar(30), like Tag.slug (not varchar(0)).
        Tag tag = Tag.objects.create(t -> t.slug = "s".repeat(30));
        Book dune = savedBook();
        queries.assertNumQueries(2, () -> dune.tags.add(tag));
        Review review = queries.assertNumQueries(1, () -> Review.objects.create(Map.of("book", dune, "topic", tag, "stars", 5)));
        assertThat(queries.assertNumQueries(1, () -> Review.objects.filter("topic", tag.slug).filter("book__tags", tag).list()))
                .containsExactly(review);
        assertThat(queries.assertNumQueries(1, () -> Tag.objects.filter("tagged_book", dune).list())).containsExactly(tag);
        assertThat(queries.assertNumQueries(1, () -> Tag.objects.filter("reviews__stars", 5).list())).containsExactly(tag);
        Review loaded = queries.assertNumQueries(1, () -> Review.objects.get("pk", review.id));
        assertThat(loaded.topic.id()).isEqualTo(tag.slug);
    }

    // ----- reading and writing an instance's fields -----

    @Test
    void getReadsAFieldByNameAndAForeignKeyAsItsKey(Quarry quarry, Queries queries) {
        Book dune = savedBook();
        ModelInfo info = quarry.model(Book.class);
        queries.assertNumQueries(0, () -> {
            assertThat(info.get(dune, "title")).isEqualTo("Dune");
            assertThat(info.get(dune, "id")).isEqualTo(dune.id);
            assertThat(info.get(dune, "pk")).isEqualTo(dune.id);
            assertThat(info.get(dune, "author")).isEqualTo(dune.author.id());
            assertThat(info.get(dune, "author_id")).isEqualTo(dune.author.id());
            assertThat(info.get(dune, "publisher")).isNull();
            assertThat(info.get(dune, "page_count")).isNull();
        });
    }

    @Test
    void setConvertsTextAndAcceptsAForeignKeyAsKeyOrInstance(Quarry quarry, Queries queries) {
        Book dune = savedBook();
        Author bob = Author.objects.create(a -> a.name = "bob");
        Publisher ace = Publisher.objects.create(p -> p.name = "Ace");
        ModelInfo info = quarry.model(Book.class);
        queries.assertNumQueries(0, () -> {
            info.set(dune, "pageCount", "412");
            info.set(dune, "price", "9.99");
            info.set(dune, "title", "Dune Messiah");
            assertThat(dune.pageCount).isEqualTo(412);
            assertThat(dune.price).isEqualByComparingTo("9.99");
            // An instance: the Ref holds it, so reading it runs no query.
            info.set(dune, "author", bob);
            assertThat(dune.author.id()).isEqualTo(bob.id);
            assertThat(dune.author.get()).isSameAs(bob);
            // A key, as a number or as text.
            info.set(dune, "publisher", ace.id);
            assertThat(dune.publisher.id()).isEqualTo(ace.id);
            info.set(dune, "publisher_id", String.valueOf(ace.id));
            assertThat(dune.publisher.id()).isEqualTo(ace.id);
            info.set(dune, "translator", bob.id.toString());
            assertThat(info.get(dune, "translator")).isEqualTo(bob.id);
        });
        queries.assertNumQueries(1, dune::save);
        Book reloaded = queries.assertNumQueries(1, () -> Book.objects.get("pk", dune.id));
        assertThat(reloaded.title).isEqualTo("Dune Messiah");
        assertThat(reloaded.pageCount).isEqualTo(412);
        assertThat(reloaded.price).isEqualByComparingTo("9.99");
        assertThat(reloaded.author.id()).isEqualTo(bob.id);
        assertThat(reloaded.publisher.id()).isEqualTo(ace.id);
        assertThat(reloaded.translator.id()).isEqualTo(bob.id);
        // And back to nothing.
        info.set(reloaded, "publisher", null);
        info.set(reloaded, "page_count", null);
        queries.assertNumQueries(1, reloaded::save);
        assertThat(Book.objects.filter("publisher__isnull", true).filter("page_count__isnull", true).list())
                .containsExactly(reloaded);
    }

    @Test
    void anUnknownFieldIsRefusedListingTheChoices(Quarry quarry, Queries queries) {
        Book dune = savedBook();
        ModelInfo info = quarry.model(Book.class);
        queries.assertNumQueries(0, () -> {
            for (Runnable r : List.<Runnable>of(() -> info.get(dune, "nope"), () -> info.set(dune, "nope", 1),
                    () -> info.field("nope"))) {
                FieldError e = catchThrowableOfType(FieldError.class, r::run);
                assertThat(e).isNotNull();
                assertThat(e.model()).isEqualTo(Book.class);
                assertThat(e.name()).isEqualTo("nope");
                assertThat(e.getMessage()).contains("Book has no field named 'nope'")
                        .contains("Choices are: id, title, author, publisher, translator, page_count, price");
            }
            // A many-to-many field is a relation, not a column.
            assertThat(catchThrowableOfType(FieldError.class, () -> info.get(dune, "tags"))).isNotNull();
        });
    }

    @Test
    void anInstanceOfAnotherModelIsRefused(Quarry quarry, Queries queries) {
        Book dune = savedBook();
        Author ann = Author.objects.get("name", "ann");
        ModelInfo info = quarry.model(Book.class);
        queries.assertNumQueries(0, () -> {
            FieldError e = catchThrowableOfType(FieldError.class, () -> info.get(ann, "title"));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("Expected a Book instance, got Author");
            assertThat(e.model()).isEqualTo(Book.class);
            assertThat(catchThrowableOfType(FieldError.class, () -> info.set(ann, "title", "x")))
                    .hasMessageContaining("got Author");
            assertThat(catchThrowableOfType(FieldError.class, () -> info.get(null, "title")))
                    .hasMessageContaining("got null");
            // The wrong model as a foreign key's value, and text that is no number.
            InvalidValueError wrongTarget = catchThrowableOfType(InvalidValueError.class,
                    () -> info.set(dune, "author", new Publisher()));
            assertThat(wrongTarget).isNotNull();
            assertThat(wrongTarget.model()).isEqualTo(Book.class);
            assertThat(wrongTarget.field()).isEqualTo("author");
            InvalidValueError notANumber = catchThrowableOfType(InvalidValueError.class,
                    () -> info.set(dune, "pageCount", "many"));
            assertThat(notANumber).isNotNull();
            assertThat(notANumber.getMessage()).contains("Book.pageCount").contains("'many'");
        });
        assertThat(Book.objects.get("pk", dune.id).title).isEqualTo("Dune");
    }
}
