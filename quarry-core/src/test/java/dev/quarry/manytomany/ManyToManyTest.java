package dev.quarry.manytomany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.Quarry;
import dev.quarry.QueryError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Many-to-many fields: the automatic through table, add/remove/set/clear from both sides,
 * deletion of through rows, lookups in both directions, and a self-referential relation.
 */
@QuarryTest(models = {Book.class, Tag.class, Reader.class, Shelf.class, Person.class})
class ManyToManyTest {

    /** The through table's rows as {@code [id, first, second]}, by id (read with plain JDBC, in the test's transaction). */
    private static List<List<Long>> rows(Quarry quarry, String table, String first, String second) {
        return dev.quarry.load.Session.of(quarry).database().withConnection(c -> {
            List<List<Long>> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, " + first + ", " + second + " FROM " + table + " ORDER BY id")) {
                while (rs.next()) {
                    out.add(List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    private static List<List<Long>> pairs(Quarry quarry, String table, String first, String second) {
        return rows(quarry, table, first, second).stream().map(r -> r.subList(1, 3)).toList();
    }

    private static Book book(String title) {
        return Book.objects.create(Map.of("title", title));
    }

    private static Tag tag(String name) {
        return Tag.objects.create(Map.of("name", name));
    }

    // ---- the through table ----

    @Test
    void theAutomaticThroughTableIsTableUnderscoreFieldWithOneColumnPerSide(Quarry quarry, Queries queries) {
        Book dune = book("Dune");
        Tag sf = tag("sf");

        List<ExecutedQuery> ran = queries.captured(() -> dune.tags.add(sf));
        assertThat(ran).anyMatch(q -> q.sql().toLowerCase().startsWith("insert") && q.sql().contains("book_tags"));
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id")).containsExactly(List.of(dune.id, sf.id));
    }

    @Test
    void dbTableNamesTheThroughTable(Quarry quarry) {
        Shelf top = Shelf.objects.create(Map.of("name", "top"));
        Book dune = book("Dune");

        top.books.add(dune);
        assertThat(pairs(quarry, "shelf_contents", "shelf_id", "book_id")).containsExactly(List.of(top.id, dune.id));
        assertThat(top.books.all().list()).containsExactly(dune);
        // No relatedName: the reverse side is shelf_set / shelf, as for a foreign key.
        assertThat(dune.related("shelf_set", Shelf.class).all().list()).containsExactly(top);
        assertThat(Book.objects.filter("shelf__name", "top").list()).containsExactly(dune);
    }

    @Test
    void addingTheSamePairTwiceKeepsOneRow(Quarry quarry) {
        Book dune = book("Dune");
        Tag sf = tag("sf");

        dune.tags.add(sf);
        dune.tags.add(sf);
        dune.tags.add(sf, sf);
        sf.books().add(dune);
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id")).containsExactly(List.of(dune.id, sf.id));
        assertThat(dune.tags.count()).isEqualTo(1);
    }

    // ---- the forward side ----

    @Test
    void addAllAndCountFromTheForwardField(Queries queries) {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        tag("unused");

        dune.tags.add(sf, classic);
        emma.tags.add(List.of(classic));
        assertThat(dune.tags.all().orderBy("name").list()).containsExactly(classic, sf);
        assertThat(emma.tags.all().list()).containsExactly(classic);
        long n = queries.assertNumQueries(1, () -> dune.tags.count());
        assertThat(n).isEqualTo(2);
        assertThat(dune.tags.filter("name__startswith", "s").list()).containsExactly(sf);
        assertThat(dune.tags.exclude("name", "sf").list()).containsExactly(classic);
    }

    @Test
    void removeDeletesOnlyThoseRowsOfThisOwner(Quarry quarry) {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        dune.tags.add(sf, classic);
        emma.tags.add(sf);

        dune.tags.remove(sf);
        assertThat(dune.tags.all().list()).containsExactly(classic);
        assertThat(emma.tags.all().list()).containsExactly(sf);
        assertThat(Tag.objects.count()).isEqualTo(2);
        // Removing a pair that does not exist is not an error (Django neither).
        dune.tags.remove(sf);
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id"))
                .containsExactlyInAnyOrder(List.of(dune.id, classic.id), List.of(emma.id, sf.id));
    }

    @Test
    void setKeepsTheRowsItWantsAddsTheMissingAndRemovesTheRest(Quarry quarry) {
        Book dune = book("Dune");
        Tag a = tag("a");
        Tag b = tag("b");
        Tag c = tag("c");
        dune.tags.add(a, b);
        long keptRowId = rows(quarry, "book_tags", "book_id", "tag_id").stream()
                .filter(r -> r.get(2).equals(b.id)).findFirst().orElseThrow().get(0);

        dune.tags.set(List.of(b, c));
        assertThat(dune.tags.all().orderBy("name").list()).containsExactly(b, c);
        // Django's set() removes and adds only the difference: b's row is the same row.
        assertThat(rows(quarry, "book_tags", "book_id", "tag_id")).contains(List.of(keptRowId, dune.id, b.id)).hasSize(2);

        dune.tags.set(List.of());
        assertThat(dune.tags.count()).isZero();
    }

    @Test
    void clearDeletesOnlyThisOwnersRows() {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        dune.tags.add(sf, classic);
        emma.tags.add(classic);

        dune.tags.clear();
        assertThat(dune.tags.count()).isZero();
        assertThat(emma.tags.all().list()).containsExactly(classic);
        assertThat(Tag.objects.count()).isEqualTo(2);
    }

    @Test
    void createSavesTheTargetAndRelatesIt() {
        Book dune = book("Dune");

        Tag sf = dune.tags.create(Map.of("name", "sf"));
        assertThat(sf.id).isNotNull();
        assertThat(dune.tags.all().list()).containsExactly(sf);
        Book emma = sf.books().create(Map.of("title", "Emma"));
        assertThat(sf.books().all().orderBy("title").list()).containsExactly(dune, emma);
    }

    @Test
    void writesThroughTheManagerForgetItsPrefetchedRows(Queries queries) {
        // Django clears the prefetch cache of the relation that add/remove/clear changes.
        Book dune = book("Dune");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        dune.tags.add(sf);
        Book loaded = Book.objects.prefetchRelated("tags").get("pk", dune.id);
        long before = queries.assertNumQueries(0, () -> loaded.tags.count());
        assertThat(before).isEqualTo(1);

        loaded.tags.add(classic);
        assertThat(loaded.tags.all().orderBy("name").list()).containsExactly(classic, sf);
        loaded.tags.remove(sf);
        assertThat(loaded.tags.all().list()).containsExactly(classic);
        loaded.tags.clear();
        assertThat(loaded.tags.count()).isZero();
    }

    // ---- the reverse side ----

    @Test
    void theReverseSideReachesTheSameRowsWithAddAllAndCount(Queries queries) {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");

        sf.related("books", Book.class).add(dune);
        sf.books().add(emma);
        assertThat(dune.tags.all().list()).containsExactly(sf);
        assertThat(emma.tags.all().list()).containsExactly(sf);
        assertThat(sf.related("books", Book.class).all().orderBy("title").list()).containsExactly(dune, emma);
        long n = queries.assertNumQueries(1, () -> sf.books().count());
        assertThat(n).isEqualTo(2);
    }

    @Test
    void removeSetAndClearWorkFromTheReverseSide() {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Book hamlet = book("Hamlet");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        sf.books().add(dune, emma);
        classic.books().add(emma);

        sf.books().remove(dune);
        assertThat(dune.tags.count()).isZero();
        assertThat(sf.books().all().list()).containsExactly(emma);

        sf.books().set(List.of(hamlet, emma));
        assertThat(sf.books().all().orderBy("title").list()).containsExactly(emma, hamlet);
        assertThat(hamlet.tags.all().list()).containsExactly(sf);

        sf.books().clear();
        assertThat(sf.books().count()).isZero();
        assertThat(emma.tags.all().list()).containsExactly(classic);
        assertThat(Book.objects.count()).isEqualTo(3);
    }

    @Test
    void withoutRelatedNameTheReverseSideIsModelSetAndModelName() {
        Book dune = book("Dune");
        Reader ann = Reader.objects.create(Map.of("name", "Ann"));

        ann.related("book_set", Book.class).add(dune);
        assertThat(dune.readers.all().list()).containsExactly(ann);
        assertThat(Reader.objects.filter("book__title", "Dune").list()).containsExactly(ann);
        assertThatThrownBy(() -> Reader.objects.filter("book_set__title", "Dune")).isInstanceOf(FieldError.class);
        assertThatThrownBy(() -> Tag.objects.filter("book__title", "Dune")).isInstanceOf(FieldError.class)
                .hasMessageContaining("books");
    }

    // ---- unsaved objects ----

    @Test
    void addingAnUnsavedObjectFailsAndAddsNothing(Quarry quarry) {
        Book dune = book("Dune");
        Tag saved = tag("saved");
        Tag unsaved = new Tag();
        unsaved.name = "unsaved";

        assertThatThrownBy(() -> dune.tags.add(saved, unsaved)).isInstanceOf(QueryError.class)
                .hasMessageContaining("unsaved Tag").hasMessageContaining("Book.tags").hasMessageContaining("save it first");
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id")).isEmpty();
        assertThatThrownBy(() -> saved.books().add(new Book())).isInstanceOf(QueryError.class)
                .hasMessageContaining("unsaved Book");
    }

    @Test
    void anUnsavedOwnerCannotUseItsRelation() {
        // Django: "<Book> needs to have a value for field "id" before this many-to-many relationship can be used."
        Tag sf = tag("sf");
        Book draft = new Book();

        assertThatThrownBy(() -> draft.tags.add(sf)).isInstanceOf(QueryError.class)
                .hasMessageContaining("Book").hasMessageContaining("tags").hasMessageContaining("save it first");
        assertThatThrownBy(() -> draft.tags.all()).isInstanceOf(QueryError.class);
    }

    // ---- deletion ----

    @Test
    void deletingTheDeclaringSideRemovesItsThroughRows(Quarry quarry) {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        dune.tags.add(sf, classic);
        emma.tags.add(sf);

        // Django: (3, {'app.Book_tags': 2, 'app.Book': 1})
        assertThat(dune.delete()).containsOnly(entry("Book", 1), entry("Book_tags", 2));
        assertThat(Tag.objects.count()).isEqualTo(2);
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id")).containsExactly(List.of(emma.id, sf.id));
    }

    @Test
    void deletingTheTargetSideRemovesItsThroughRows(Quarry quarry) {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        dune.tags.add(sf, classic);
        emma.tags.add(sf);

        // Django: (3, {'app.Book_tags': 2, 'app.Tag': 1})
        assertThat(sf.delete()).containsOnly(entry("Tag", 1), entry("Book_tags", 2));
        assertThat(Book.objects.count()).isEqualTo(2);
        assertThat(dune.tags.all().list()).containsExactly(classic);
        assertThat(emma.tags.count()).isZero();
        assertThat(pairs(quarry, "book_tags", "book_id", "tag_id")).containsExactly(List.of(dune.id, classic.id));
    }

    @Test
    void deletingAQuerySetCountsTheThroughRowsOfEveryRelation() {
        Book dune = book("Dune");
        Book emma = book("Emma");
        Tag sf = tag("sf");
        Reader ann = Reader.objects.create(Map.of("name", "Ann"));
        dune.tags.add(sf);
        emma.tags.add(sf);
        dune.readers.add(ann);

        assertThat(Book.objects.all().delete())
                .containsOnly(entry("Book", 2), entry("Book_tags", 2), entry("Book_readers", 1));
        assertThat(sf.books().count()).isZero();
        assertThat(Reader.objects.count()).isEqualTo(1);
    }

    // ---- lookups ----

    @Test
    void filtersSpanTheRelationInBothDirections() {
        Book dune = book("Dune");
        Book emma = book("Emma");
        book("Hamlet");
        Tag sf = tag("sf");
        Tag classic = tag("classic");
        tag("unused");
        dune.tags.add(sf, classic);
        emma.tags.add(classic);

        assertThat(Book.objects.filter("tags__name", "sf").list()).containsExactly(dune);
        assertThat(Book.objects.filter("tags__name", "classic").orderBy("title").list()).containsExactly(dune, emma);
        assertThat(Tag.objects.filter("books__title", "Emma").list()).containsExactly(classic);
        assertThat(Tag.objects.filter("books__title__in", List.of("Dune", "Emma")).distinct().orderBy("name").list())
                .containsExactly(classic, sf);
        // One row per matching pair until distinct().
        assertThat(Book.objects.filter("tags__name__in", List.of("sf", "classic")).orderBy("title").list())
                .containsExactly(dune, dune, emma);
        assertThat(Book.objects.filter("tags__isnull", true).list()).extracting(b -> b.title).containsExactly("Hamlet");
        assertThat(Tag.objects.filter("books__isnull", true).list()).extracting(t -> t.name).containsExactly("unused");
        assertThat(Book.objects.filter("tags", sf).list()).containsExactly(dune);
        assertThat(Tag.objects.filter("books", emma).list()).containsExactly(classic);
    }

    // ---- self-referential ----

    @Test
    void aSelfReferentialRelationHasFromAndToColumnsAndIsNotSymmetrical(Quarry quarry) {
        // Declared symmetrical = false (Django's symmetrical=False): following is one-way.
        Person ann = Person.objects.create(Map.of("name", "Ann"));
        Person bob = Person.objects.create(Map.of("name", "Bob"));
        Person cat = Person.objects.create(Map.of("name", "Cat"));

        ann.follows.add(bob, cat);
        bob.follows.add(cat);
        assertThat(pairs(quarry, "person_follows", "from_person_id", "to_person_id"))
                .containsExactlyInAnyOrder(List.of(ann.id, bob.id), List.of(ann.id, cat.id), List.of(bob.id, cat.id));
        assertThat(ann.follows.all().orderBy("name").list()).containsExactly(bob, cat);
        assertThat(bob.follows.all().list()).containsExactly(cat);
        assertThat(cat.follows.count()).isZero();
        assertThat(cat.related("followers", Person.class).all().orderBy("name").list()).containsExactly(ann, bob);
        assertThat(ann.related("followers").count()).isZero();

        assertThat(Person.objects.filter("follows__name", "Cat").orderBy("name").list()).containsExactly(ann, bob);
        assertThat(Person.objects.filter("followers__name", "Ann").orderBy("name").list()).containsExactly(bob, cat);

        cat.related("followers", Person.class).remove(ann);
        assertThat(ann.follows.all().list()).containsExactly(bob);
        ann.related("followers", Person.class).add(cat);
        assertThat(cat.follows.all().list()).containsExactly(ann);
        assertThat(ann.follows.all().list()).containsExactly(bob);
    }

    @Test
    void deletingOneSideOfASelfReferentialRelationRemovesItsRowsInBothColumns(Quarry quarry) {
        Person ann = Person.objects.create(Map.of("name", "Ann"));
        Person bob = Person.objects.create(Map.of("name", "Bob"));
        Person cat = Person.objects.create(Map.of("name", "Cat"));
        ann.follows.add(bob);
        bob.follows.add(cat);
        cat.follows.add(ann);

        assertThat(bob.delete()).containsOnly(entry("Person", 1), entry("Person_follows", 2));
        assertThat(pairs(quarry, "person_follows", "from_person_id", "to_person_id")).containsExactly(List.of(cat.id, ann.id));
    }
}
