package dev.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.QueryError;
import dev.quarry.RelatedManager;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reverse side of foreign keys: Django's naming rules ({@code <model>_set} / {@code <model>},
 * relatedName, relatedQueryName, "+"), lookups across it, {@code Ref} loading, and the related
 * manager's writes.
 */
@QuarryTest(models = {Author.class, Book.class, Publisher.class, Review.class, Note.class})
class ReverseRelationsTest {

    private static Author author(String name) {
        return Author.objects.create(Map.of("name", name));
    }

    private static Book book(String title, Author author, LocalDate published) {
        return Book.objects.create(b -> {
            b.title = title;
            b.author.set(author);
            b.publishedDate = published;
        });
    }

    // ---- naming ----

    @Test
    void withoutRelatedNameTheAccessorIsModelSetAndTheQueryNameIsTheModelName() {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        Review.objects.create(Map.of("book", dune, "userName", "zed", "rating", 5));

        assertThat(dune.related("review_set", Review.class).all().list()).extracting(r -> r.userName).containsExactly("zed");
        assertThat(Book.objects.filter("review__rating", 5).list()).containsExactly(dune);
        // Django: the accessor is not a query name, and the query name is not an accessor.
        assertThatThrownBy(() -> Book.objects.filter("review_set__rating", 5)).isInstanceOf(FieldError.class)
                .hasMessageContaining("review_set");
        assertThatThrownBy(() -> dune.related("review")).isInstanceOf(FieldError.class)
                .hasMessageContaining("review_set");
    }

    @Test
    void relatedNameSetsBothTheAccessorAndTheQueryName() {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);

        assertThat(ann.related("books", Book.class).all().list()).containsExactly(dune);
        assertThat(Author.objects.filter("books__title", "Dune").list()).containsExactly(ann);
        assertThatThrownBy(() -> Author.objects.filter("book__title", "Dune")).isInstanceOf(FieldError.class)
                .hasMessageContaining("'book'").hasMessageContaining("books");
    }

    @Test
    void relatedQueryNameAloneOverridesOnlyTheQueryName() {
        // Django: related_query_name='annotation' keeps the accessor note_set; lookups use annotation__.
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        Note.objects.create(Map.of("book", dune, "text", "sandworms"));

        assertThat(dune.related("note_set", Note.class).all().list()).extracting(n -> n.text).containsExactly("sandworms");
        assertThat(Book.objects.filter("annotation__text__contains", "worm").list()).containsExactly(dune);
        assertThatThrownBy(() -> Book.objects.filter("note__text", "sandworms")).isInstanceOf(FieldError.class)
                .hasMessageContaining("annotation");
        assertThatThrownBy(() -> dune.related("annotation")).isInstanceOf(FieldError.class);
    }

    @Test
    void relatedNameWithRelatedQueryNameGivesTheAccessorAndTheQueryNameEach() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);
        dune.editor.set(bob);
        dune.save();

        assertThat(bob.related("edited_books", Book.class).all().list()).containsExactly(dune);
        assertThat(Author.objects.filter("edited__title", "Dune").list()).containsExactly(bob);
        assertThatThrownBy(() -> Author.objects.filter("edited_books__title", "Dune")).isInstanceOf(FieldError.class);
        assertThatThrownBy(() -> bob.related("edited")).isInstanceOf(FieldError.class);
    }

    @Test
    void plusRelatedNameHidesTheReverseSide() {
        Publisher ace = Publisher.objects.create(Map.of("name", "Ace"));
        Book dune = Book.objects.create(Map.of("title", "Dune", "author", author("Ann"), "publisher", ace));

        assertThatThrownBy(() -> ace.related("book_set")).isInstanceOf(FieldError.class)
                .hasMessageContaining("Book.publisher").hasMessageContaining("relatedName=\"+\"")
                .hasMessageContaining("hides");
        // Django: Cannot resolve keyword 'book' into field. Choices are: id, name
        assertThatThrownBy(() -> Publisher.objects.filter("book__title", "Dune")).isInstanceOf(FieldError.class)
                .hasMessageContaining("'book'");
        // The forward side is untouched.
        assertThat(Book.objects.filter("publisher__name", "Ace").list()).containsExactly(dune);
    }

    @Test
    void hiddenReverseSideStillTakesPartInOnDelete() {
        // Django still runs SET_NULL for a relation with related_name='+'.
        Publisher ace = Publisher.objects.create(Map.of("name", "Ace"));
        Book dune = Book.objects.create(Map.of("title", "Dune", "author", author("Ann"), "publisher", ace));

        assertThat(ace.delete()).containsExactly(java.util.Map.entry("Publisher", 1));
        assertThat(Book.objects.get("pk", dune.id).publisher.id()).isNull();
    }

    @Test
    void askingForTheDefaultAccessorThatRelatedNameReplacedSaysWhichNameToUse() {
        Author ann = author("Ann");

        assertThatThrownBy(() -> ann.related("book_set")).isInstanceOf(FieldError.class)
                .hasMessageContaining("'book_set'").hasMessageContaining("Book.author")
                .hasMessageContaining("related(\"books\", Book.class)");
    }

    @Test
    void anUnknownAccessorListsTheChoices() {
        Author ann = author("Ann");

        assertThatThrownBy(() -> ann.related("novels")).isInstanceOf(FieldError.class)
                .hasMessageContaining("'novels'").hasMessageContaining("books").hasMessageContaining("edited_books");
    }

    @Test
    void aForwardForeignKeyIsNotAToManyRelation() {
        Book dune = book("Dune", author("Ann"), null);

        assertThatThrownBy(() -> dune.related("author")).isInstanceOf(FieldError.class)
                .hasMessageContaining("foreign key").hasMessageContaining("get()");
    }

    @Test
    void typedHandleMethodsReachTheSameRelationsAsRelatedByName() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);
        Book emma = book("Emma", ann, null);
        emma.editor.set(bob);
        emma.save();
        Review.objects.create(Map.of("book", dune, "userName", "zed", "rating", 4));

        RelatedManager<Book> books = ann.books();
        assertThat(books.all().orderBy("title").list()).containsExactly(dune, emma);
        assertThat(books.all().orderBy("title").list()).isEqualTo(ann.related("books", Book.class).all().orderBy("title").list());
        assertThat(bob.editedBooks().all().list()).containsExactly(emma);
        assertThat(ann.editedBooks().count()).isZero();
        assertThat(dune.reviews().all().list()).extracting(r -> r.rating).containsExactly(4);
        assertThat(emma.reviews().count()).isZero();
    }

    // ---- lookups across reverse relations ----

    @Test
    void lookupsAcrossReverseRelationsAcceptSnakeCaseAndJavaFieldNames() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        author("Cat");
        book("Old", ann, LocalDate.of(1999, 1, 1));
        book("New", bob, LocalDate.of(2021, 6, 1));

        LocalDate since = LocalDate.of(2020, 1, 1);
        assertThat(Author.objects.filter("books__published_date__gt", since).list()).containsExactly(bob);
        assertThat(Author.objects.filter("books__publishedDate__gt", since).list()).containsExactly(bob);
        // Both spellings compile to the same statement.
        assertThat(Author.objects.filter("books__publishedDate__gt", since).sql())
                .isEqualTo(Author.objects.filter("books__published_date__gt", since).sql());
    }

    @Test
    void lookupsChainAcrossSeveralReverseRelations() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);
        Book emma = book("Emma", bob, null);
        Review.objects.create(Map.of("book", dune, "userName", "zed", "rating", 5));
        Review.objects.create(Map.of("book", dune, "userName", "yan", "rating", 5));
        Review.objects.create(Map.of("book", emma, "userName", "zed", "rating", 2));

        // Two matching reviews of one book: the join repeats Ann until distinct().
        assertThat(Author.objects.filter("books__review__rating", 5).list()).containsExactly(ann, ann);
        assertThat(Author.objects.filter("books__review__rating", 5).distinct().list()).containsExactly(ann);
        assertThat(Author.objects.filter("books__review__userName", "zed").orderBy("name").list())
                .containsExactly(ann, bob);
    }

    @Test
    void reverseIsNullTrueFindsTargetsWithoutRelatedRows() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        book("Dune", ann, null);

        assertThat(Author.objects.filter("books__isnull", true).list()).containsExactly(bob);
        assertThat(Author.objects.filter("books__isnull", false).list()).containsExactly(ann);
    }

    @Test
    void filteringByAModelInstanceComparesKeysInOneQuery(Queries queries) {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);
        Book emma = book("Emma", bob, null);
        Review.objects.create(Map.of("book", dune, "userName", "zed", "rating", 5));
        Review.objects.create(Map.of("book", emma, "userName", "yan", "rating", 3));

        List<ExecutedQuery> ran = queries.captured(() -> {
            assertThat(Review.objects.filter("book__author", ann).list()).extracting(r -> r.userName).containsExactly("zed");
        });
        assertThat(ran).hasSize(1);
        // Django: WHERE book.author_id = <ann's key>; no join to the author table, the instance is its key.
        assertThat(ran.get(0).params()).contains(ann.id).noneMatch(p -> p instanceof Author);
        assertThat(ran.get(0).sql().toLowerCase()).doesNotContain("\"author\"").doesNotContain("`author`");
        assertThat(Review.objects.filter("book__author", ann).list())
                .isEqualTo(Review.objects.filter("book__author__id", ann.id).list());
        assertThat(Book.objects.filter("author", bob).list()).containsExactly(emma);
    }

    @Test
    void filteringByAnInstanceOfTheWrongModelIsRefused() {
        // Django: ValueError: Cannot query "Publisher object (1)": Must be "Author" instance.
        Author ann = author("Ann");
        book("Dune", ann, null);
        Publisher ace = Publisher.objects.create(Map.of("name", "Ace"));

        assertThatThrownBy(() -> Book.objects.filter("author", ace)).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Publisher").hasMessageContaining("Author");
        assertThatThrownBy(() -> Review.objects.filter("book__author", ace)).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Author");
        assertThatThrownBy(() -> Book.objects.filter("author__in", List.of(ann, ace)))
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("Publisher");
        assertThatThrownBy(() -> Author.objects.filter("books", ace)).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Book");
        assertThat(Book.objects.filter("author__in", List.of(ann)).count()).isEqualTo(1);
    }

    @Test
    void filteringByAnUnsavedInstanceIsRefused() {
        Author ghost = new Author();
        ghost.name = "Ghost";

        assertThatThrownBy(() -> Book.objects.filter("author", ghost).list()).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("unsaved Author");
    }

    // ---- Ref ----

    @Test
    void refGetLoadsTheTargetOnceAndCachesIt(Queries queries) {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        Book loaded = Book.objects.get("pk", dune.id);

        assertThat(loaded.author.isLoaded()).isFalse();
        Author first = queries.assertNumQueries(1, () -> loaded.author.get());
        assertThat(first.name).isEqualTo("Ann");
        assertThat(loaded.author.isLoaded()).isTrue();
        Author second = queries.assertNumQueries(0, () -> loaded.author.get());
        assertThat(second).isSameAs(first);
    }

    @Test
    void refIdNeverQueries(Queries queries) {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        Book loaded = Book.objects.get("pk", dune.id);

        queries.assertNumQueries(0, () -> {
            assertThat(loaded.author.id()).isEqualTo(ann.id);
            assertThat(loaded.author.id()).isEqualTo(ann.id);
        });
    }

    @Test
    void refSetHoldsTheInstanceAndSavesItsKey(Queries queries) {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);

        dune.author.set(bob);
        queries.assertNumQueries(0, () -> {
            assertThat(dune.author.id()).isEqualTo(bob.id);
            assertThat(dune.author.get()).isSameAs(bob);
        });
        dune.save();
        assertThat(Book.objects.get("pk", dune.id).author.id()).isEqualTo(bob.id);
        assertThat(ann.books().count()).isZero();
        assertThat(bob.books().all().list()).containsExactly(dune);
    }

    @Test
    void refSetIdForgetsTheLoadedTargetAndLoadsTheNewOneOnAccess(Queries queries) {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);

        dune.author.setId(bob.id);
        assertThat(dune.author.isLoaded()).isFalse();
        Author loaded = queries.assertNumQueries(1, () -> dune.author.get());
        assertThat(loaded).isEqualTo(bob).isNotSameAs(bob);
        dune.save();
        assertThat(Book.objects.filter("author", bob).list()).containsExactly(dune);
    }

    @Test
    void refSetIdConvertsTheKeyToTheTargetsKeyTypeOrRefusesIt(Queries queries) {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        queries.assertNumQueries(0, () -> {
            dune.author.setId(String.valueOf(ann.id));
            assertThat(dune.author.id()).isEqualTo(ann.id);
            dune.author.setId(ann.id.intValue());
            assertThat(dune.author.id()).isEqualTo(ann.id);
            assertThatThrownBy(() -> dune.author.setId("abc")).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Book.author");
        });
    }

    @Test
    void aNullableForeignKeyWithoutValueIsNullWithoutAQuery(Queries queries) {
        Book dune = book("Dune", author("Ann"), null);
        Book loaded = Book.objects.get("pk", dune.id);

        queries.assertNumQueries(0, () -> {
            assertThat(loaded.editor.id()).isNull();
            assertThat(loaded.editor.isLoaded()).isTrue();
            assertThat(loaded.editor.get()).isNull();
        });
    }

    @Test
    void refSetNullClearsANullableForeignKey() {
        Author bob = author("Bob");
        Book dune = Book.objects.create(Map.of("title", "Dune", "author", author("Ann"), "editor", bob));

        dune.editor.set(null);
        dune.save();
        assertThat(Book.objects.get("pk", dune.id).editor.id()).isNull();
        assertThat(bob.editedBooks().count()).isZero();
    }

    // ---- RelatedManager on a reverse foreign key ----

    @Test
    void createMakesAnObjectAlreadyPointingAtTheOwner(Queries queries) {
        Author ann = author("Ann");

        Book dune = ann.books().create(Map.of("title", "Dune"));
        assertThat(dune.id).isNotNull();
        assertThat(dune.author.id()).isEqualTo(ann.id);
        assertThat(Book.objects.get("title", "Dune").author.id()).isEqualTo(ann.id);
        long n = queries.assertNumQueries(1, () -> ann.books().count());
        assertThat(n).isEqualTo(1);
    }

    @Test
    void addSetsTheForeignKeyAndSavesTheObjects() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", bob, null);
        Book emma = book("Emma", bob, null);

        ann.books().add(dune, emma);
        assertThat(dune.author.id()).isEqualTo(ann.id);
        assertThat(ann.books().all().orderBy("title").list()).containsExactly(dune, emma);
        assertThat(bob.books().count()).isZero();
        assertThat(Book.objects.filter("author", ann).count()).isEqualTo(2);
    }

    @Test
    void removeAndClearSetANullableForeignKeyToNull() {
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = book("Dune", ann, null);
        Book emma = book("Emma", ann, null);
        Book hamlet = book("Hamlet", ann, null);
        bob.editedBooks().add(dune, emma, hamlet);
        assertThat(bob.editedBooks().count()).isEqualTo(3);

        bob.editedBooks().remove(dune);
        assertThat(dune.editor.id()).isNull();
        assertThat(Book.objects.get("pk", dune.id).editor.id()).isNull();
        assertThat(bob.editedBooks().all().orderBy("title").list()).containsExactly(emma, hamlet);

        bob.editedBooks().clear();
        assertThat(bob.editedBooks().count()).isZero();
        assertThat(Book.objects.filter("editor__isnull", true).count()).isEqualTo(3);
        // The books themselves stay.
        assertThat(ann.books().count()).isEqualTo(3);
    }

    @Test
    void removeRefusesAnObjectThatIsNotRelated() {
        // Django raises "<Book> is not related to <Author>" (Book.DoesNotExist).
        Author ann = author("Ann");
        Author bob = author("Bob");
        Book dune = Book.objects.create(Map.of("title", "Dune", "author", ann, "editor", ann));

        assertThatThrownBy(() -> bob.editedBooks().remove(dune)).hasMessageContaining("not related");
        assertThat(Book.objects.get("pk", dune.id).editor.id()).isEqualTo(ann.id);
    }

    @Test
    void removeAndClearAreRefusedForANonNullableForeignKey() {
        // Django's reverse manager of a non-null FK has no remove() or clear() at all.
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);

        assertThatThrownBy(() -> ann.books().remove(dune)).isInstanceOf(QueryError.class)
                .hasMessageContaining("Book.author").hasMessageContaining("nullable");
        assertThatThrownBy(() -> ann.books().clear()).isInstanceOf(QueryError.class)
                .hasMessageContaining("Book.author");
        assertThat(ann.books().all().list()).containsExactly(dune);
    }

    @Test
    void countAndFilterOnTheRelatedManagerStayWithinTheOwnersRows(Queries queries) {
        Author ann = author("Ann");
        Author bob = author("Bob");
        book("Dune", ann, LocalDate.of(1965, 8, 1));
        Book emma = book("Emma", ann, LocalDate.of(1815, 12, 23));
        book("Hamlet", bob, LocalDate.of(1603, 1, 1));

        long n = queries.assertNumQueries(1, () -> ann.books().count());
        assertThat(n).isEqualTo(2);
        assertThat(ann.books().filter("publishedDate__lt", LocalDate.of(1900, 1, 1)).list()).containsExactly(emma);
        assertThat(ann.books().exclude("title", "Dune").list()).containsExactly(emma);
        assertThat(bob.books().filter("title", "Dune").exists()).isFalse();
    }

    @Test
    void writesThroughTheReverseManagerForgetItsPrefetchedRows(Queries queries) {
        Author ann = author("Ann");
        Book dune = book("Dune", ann, null);
        Author loaded = Author.objects.prefetchRelated("books", "edited_books").get("pk", ann.id);
        long before = queries.assertNumQueries(0, () -> loaded.books().count());
        assertThat(before).isEqualTo(1);

        Book emma = loaded.books().create(Map.of("title", "Emma"));
        assertThat(loaded.books().all().orderBy("title").list()).containsExactly(dune, emma);
        loaded.editedBooks().add(dune);
        assertThat(loaded.editedBooks().all().list()).containsExactly(dune);
        loaded.editedBooks().clear();
        assertThat(loaded.editedBooks().count()).isZero();
    }

    @Test
    void anUnsavedOwnerHasNoRelatedRowsToReach() {
        // Django 4.1+ refuses this too (3.2 silently filtered on NULL).
        Author ghost = new Author();

        assertThatThrownBy(() -> ghost.books().all()).isInstanceOf(QueryError.class)
                .hasMessageContaining("save it first");
    }
}
