package dev.quarry.fetchmode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.DoesNotExist;
import dev.quarry.FetchMode;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.RelatedManager;
import dev.quarry.RelationNotLoaded;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.TestDatabases;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The fetch modes: RAISE refuses every read of a relation that was not loaded with its instance,
 * before any SQL, and says which selectRelated/prefetchRelated loads it, while writes stay allowed;
 * PEERS loads a relation for the whole result in one query; LAZY runs one query per access
 * (Django's behaviour). The rows are those of {@link Shelf}.
 */
@QuarryTest(models = {Author.class, Book.class, Tag.class})
class FetchModeTest {

    /** Every way of reading a to-many relation; under RAISE each must throw before any SQL. */
    private static final Map<String, Function<RelatedManager<?>, Object>> READS = reads();

    private static Map<String, Function<RelatedManager<?>, Object>> reads() {
        Map<String, Function<RelatedManager<?>, Object>> m = new LinkedHashMap<>();
        m.put("all()", RelatedManager::all);
        m.put("count()", RelatedManager::count);
        m.put("exists()", RelatedManager::exists);
        m.put("filter(...)", r -> r.filter("pk__gt", 0));
        m.put("first()", RelatedManager::first);
        m.put("last()", RelatedManager::last);
        m.put("list()", RelatedManager::list);
        m.put("get()", RelatedManager::get);
        m.put("get(...)", r -> r.get("pk", 1));
        m.put("orderBy(...)", r -> r.orderBy("pk"));
        m.put("values()", RelatedManager::values);
        m.put("iteration of all()", r -> {
            for (Model ignored : r.all()) {
                return ignored;
            }
            return null;
        });
        return m;
    }

    private static void assertEveryReadRefused(Queries queries, RelatedManager<?> relation, Class<?> model, String name) {
        queries.assertNumQueries(0, () -> READS.forEach((what, read) -> {
            RelationNotLoaded e = catchThrowableOfType(RelationNotLoaded.class, () -> read.apply(relation));
            assertThat(e).as(what + " on " + relation).isNotNull();
            assertThat(e.model()).as(what).isEqualTo(model);
            assertThat(e.relation()).as(what).isEqualTo(name);
            assertThat(e.getMessage()).as(what).contains(model.getSimpleName() + "." + name)
                    .contains("prefetchRelated(\"" + name + "\")");
        }));
    }

    private static List<String> titles(Iterable<Book> books) {
        List<String> out = new java.util.ArrayList<>();
        books.forEach(b -> out.add(b.title));
        return out;
    }

    // ----- RAISE: reads refused, nothing sent -----

    @Test
    void raiseRefusesAnUnloadedForeignKeyAndNamesBothFixes(Queries queries) {
        Shelf s = new Shelf();
        Book dune = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.RAISE).get("title", "Dune"));
        queries.assertNumQueries(0, () -> {
            RelationNotLoaded e = catchThrowableOfType(RelationNotLoaded.class, dune.author::get);
            assertThat(e).isNotNull();
            assertThat(e.model()).isEqualTo(Book.class);
            assertThat(e.relation()).isEqualTo("author");
            assertThat(e.getMessage()).contains("Book.author").contains("selectRelated(\"author\")")
                    .contains("prefetchRelated(\"author\")");
            // The key is part of the row: reading it is not a relation load.
            assertThat(dune.author.id()).isEqualTo(s.ann.id);
            assertThat(dune.author.isLoaded()).isFalse();
        });
    }

    @Test
    void raiseRefusesEveryReadOfAnUnloadedReverseForeignKey(Queries queries) {
        new Shelf();
        Author ann = queries.assertNumQueries(1, () -> Author.objects.fetchMode(FetchMode.RAISE).get("name", "ann"));
        assertEveryReadRefused(queries, ann.related("books", Book.class), Author.class, "books");
        assertEveryReadRefused(queries, ann.related("books"), Author.class, "books");
    }

    @Test
    void raiseRefusesEveryReadOfAnUnloadedManyToMany(Queries queries) {
        new Shelf();
        Book dune = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.RAISE).get("title", "Dune"));
        assertEveryReadRefused(queries, dune.tags, Book.class, "tags");
        assertEveryReadRefused(queries, dune.related("tags", Tag.class), Book.class, "tags");
    }

    @Test
    void raiseRefusesEveryReadOfAnUnloadedReverseManyToMany(Queries queries) {
        new Shelf();
        Tag classic = queries.assertNumQueries(1, () -> Tag.objects.fetchMode(FetchMode.RAISE).get("name", "classic"));
        assertEveryReadRefused(queries, classic.related("books", Book.class), Tag.class, "books");
    }

    @Test
    void raiseAppliesToEveryInstanceOfTheResultAndToSelectRelatedTargets(Queries queries) {
        new Shelf();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.RAISE)
                .selectRelated("author").orderBy("title").list());
        queries.assertNumQueries(0, () -> {
            assertThat(books).extracting(b -> b.author.get().name).containsExactly("ann", "ann", "bob", "cat");
            for (Book b : books) {
                assertThat(catchThrowableOfType(RelationNotLoaded.class, () -> b.tags.count())).as(b.title).isNotNull();
                // The author came with the book, so it inherits the book's fetch mode.
                RelationNotLoaded e = catchThrowableOfType(RelationNotLoaded.class,
                        () -> b.author.get().related("books").count());
                assertThat(e).as(b.title).isNotNull();
                assertThat(e.model()).isEqualTo(Author.class);
            }
        });
    }

    @Test
    void theFetchModeBelongsToTheQuerySetThatLoadedTheInstance(Queries queries) {
        new Shelf();
        var raising = Book.objects.fetchMode(FetchMode.RAISE).filter("title", "Dune");
        var lazy = raising.fetchMode(FetchMode.LAZY);
        Book strict = queries.assertNumQueries(1, () -> raising.get());
        Book relaxed = queries.assertNumQueries(1, () -> lazy.get());
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class, strict.author::get))
                .isNotNull());
        assertThat(queries.assertNumQueries(1, () -> relaxed.author.get().name)).isEqualTo("ann");
        // fetchMode(...) returned a new QuerySet: the first one still raises.
        Book again = queries.assertNumQueries(1, () -> raising.get());
        assertThat(catchThrowableOfType(RelationNotLoaded.class, again.author::get)).isNotNull();
    }

    // ----- RAISE: loaded relations answer from memory -----

    @Test
    void selectRelatedAnswersUnderRaiseWithoutQueries(Queries queries) {
        Shelf s = new Shelf();
        Book golem = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.RAISE).selectRelated("author")
                .get("title", "Golem"));
        queries.assertNumQueries(0, () -> {
            assertThat(golem.author.get()).isEqualTo(s.cat);
            assertThat(golem.author.get().name).isEqualTo("cat");
        });
    }

    @Test
    void prefetchedRelationsAnswerEveryReadUnderRaiseWithoutQueries(Queries queries) {
        Shelf s = new Shelf();
        // One query for the authors, one per prefetched level.
        List<Author> authors = queries.assertNumQueries(3, () -> Author.objects.fetchMode(FetchMode.RAISE)
                .prefetchRelated("books__tags").orderBy("name").list());
        queries.assertNumQueries(0, () -> {
            Author ann = authors.get(0);
            Author bob = authors.get(1);
            Author dan = authors.get(3);
            RelatedManager<Book> annBooks = ann.related("books", Book.class);
            assertThat(titles(annBooks.list())).containsExactlyInAnyOrder("Dune", "Emma");
            assertThat(titles(annBooks.all())).containsExactlyInAnyOrder("Dune", "Emma");
            assertThat(annBooks.count()).isEqualTo(2);
            assertThat(annBooks.exists()).isTrue();
            assertThat(annBooks.first()).isPresent();
            assertThat(annBooks.last()).isPresent();
            assertThat(bob.related("books", Book.class).get().title).isEqualTo("Faust");
            assertThat(dan.related("books").exists()).isFalse();
            assertThat(dan.related("books").count()).isZero();
            assertThat(dan.related("books").first()).isEmpty();
            assertThat(catchThrowableOfType(DoesNotExist.class, () -> dan.related("books").get())).isNotNull();
            // The second level: each book's tags, and each book's author (the owner it was prefetched for).
            Book dune = annBooks.list().stream().filter(b -> b.title.equals("Dune")).findFirst().orElseThrow();
            assertThat(dune.tags.list()).containsExactlyInAnyOrder(s.scifi, s.classic);
            assertThat(dune.tags.count()).isEqualTo(2);
            assertThat(dune.author.get()).isSameAs(ann);
        });
    }

    @Test
    void prefetchedReverseManyToManyAndForeignKeyAnswerUnderRaise(Queries queries) {
        Shelf s = new Shelf();
        List<Tag> tags = queries.assertNumQueries(2, () -> Tag.objects.fetchMode(FetchMode.RAISE)
                .prefetchRelated("books").orderBy("name").list());
        List<Book> books = queries.assertNumQueries(2, () -> Book.objects.fetchMode(FetchMode.RAISE)
                .prefetchRelated("author").orderBy("title").list());
        queries.assertNumQueries(0, () -> {
            assertThat(tags).extracting(t -> t.name).containsExactly("classic", "romance", "scifi");
            assertThat(titles(tags.get(0).related("books", Book.class).list())).containsExactlyInAnyOrder("Dune", "Faust");
            assertThat(tags.get(1).related("books").count()).isEqualTo(1);
            assertThat(tags.get(2).related("books").exists()).isTrue();
            assertThat(books).extracting(b -> b.author.get()).containsExactly(s.ann, s.ann, s.bob, s.cat);
        });
    }

    // ----- RAISE: writes are allowed -----

    @Test
    void manyToManyWritesAreAllowedUnderRaise(Queries queries) {
        Shelf s = new Shelf();
        Book dune = Book.objects.fetchMode(FetchMode.RAISE).get("title", "Dune");
        // add: one SELECT of the existing pairs, one INSERT of the missing ones.
        queries.assertNumQueries(2, () -> dune.tags.add(s.romance));
        queries.assertNumQueries(1, () -> dune.tags.remove(s.scifi));
        assertThat(Tag.objects.filter("books__title", "Dune").orderBy("name").list()).containsExactly(s.classic, s.romance);
        // set: the current rows, one DELETE of the stale pairs, then add's SELECT and INSERT.
        queries.assertNumQueries(4, () -> dune.tags.set(List.of(s.scifi)));
        assertThat(Tag.objects.filter("books__title", "Dune").list()).containsExactly(s.scifi);
        // create: the INSERT of the tag, then add's SELECT and INSERT.
        Tag fresh = queries.assertNumQueries(3, () -> dune.tags.create(t -> t.name = "fresh"));
        assertThat(Tag.objects.filter("books__title", "Dune").orderBy("name").list()).containsExactly(fresh, s.scifi);
        queries.assertNumQueries(1, dune.tags::clear);
        assertThat(Tag.objects.filter("books__title", "Dune").exists()).isFalse();
        // Still not loaded: reading remains refused.
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class, dune.tags::list))
                .isNotNull());
    }

    @Test
    void reverseManyToManyWritesAreAllowedUnderRaise(Queries queries) {
        Shelf s = new Shelf();
        Tag romance = Tag.objects.fetchMode(FetchMode.RAISE).get("name", "romance");
        RelatedManager<Book> books = romance.related("books", Book.class);
        queries.assertNumQueries(2, () -> books.add(s.golem));
        queries.assertNumQueries(1, () -> books.remove(s.emma));
        Book fresh = queries.assertNumQueries(3, () -> books.create(Map.of("title", "Hamlet")));
        assertThat(Book.objects.filter("tags__name", "romance").orderBy("title").list()).containsExactly(s.golem, fresh);
        queries.assertNumQueries(1, books::clear);
        assertThat(Book.objects.filter("tags__name", "romance").exists()).isFalse();
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class, books::count)).isNotNull());
    }

    @Test
    void reverseForeignKeyWritesAreAllowedUnderRaise(Queries queries) {
        Shelf s = new Shelf();
        Author dan = Author.objects.fetchMode(FetchMode.RAISE).get("name", "dan");
        RelatedManager<Book> books = dan.related("books", Book.class);
        Book golem = Book.objects.fetchMode(FetchMode.RAISE).get("title", "Golem");
        // add and remove save each object: one UPDATE apiece.
        queries.assertNumQueries(1, () -> books.add(golem));
        assertThat(Book.objects.filter("author__name", "dan").list()).containsExactly(s.golem);
        Book ivanhoe = queries.assertNumQueries(1, () -> books.create(b -> b.title = "Ivanhoe"));
        assertThat(Book.objects.filter("author", dan).orderBy("title").list()).containsExactly(s.golem, ivanhoe);
        queries.assertNumQueries(1, () -> books.remove(golem));
        assertThat(Book.objects.filter("author", dan).list()).containsExactly(ivanhoe);
        // set: the current rows, then remove's and add's UPDATEs.
        queries.assertNumQueries(3, () -> books.set(List.of(s.faust)));
        assertThat(Book.objects.filter("author", dan).list()).containsExactly(s.faust);
        queries.assertNumQueries(1, books::clear);
        assertThat(Book.objects.filter("author", dan).exists()).isFalse();
        assertThat(Book.objects.filter("author__isnull", true).orderBy("title").list()).containsExactly(s.faust, s.golem, ivanhoe);
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class, books::exists)).isNotNull());
    }

    @Test
    void updatingAndDescribingAnUnloadedRelationAreAllowedUnderRaise(Queries queries) {
        // update() writes and sql() runs nothing: neither reads the unloaded relation.
        Shelf s = new Shelf();
        Author ann = Author.objects.fetchMode(FetchMode.RAISE).get("name", "ann");
        RelatedManager<Book> books = ann.related("books", Book.class);
        assertThat(queries.assertNumQueries(0, books::sql).text()).contains("author_id");
        int n = queries.assertNumQueries(1, () -> books.update("title", "Renamed"));
        assertThat(n).isEqualTo((int) Book.objects.filter("author", ann).count());
        assertThat(Book.objects.filter("title", "Renamed").count()).isEqualTo(n);
        assertThat(s.golem).isNotNull();
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class,
                () -> books.aggregate(dev.quarry.expr.Aggregates.count("id")))).isNotNull());
    }

    @Test
    void aWriteForgetsAPrefetchedRelationSoReadingItIsRefusedAgain(Queries queries) {
        Shelf s = new Shelf();
        Book dune = Book.objects.fetchMode(FetchMode.RAISE).prefetchRelated("tags").get("title", "Dune");
        queries.assertNumQueries(0, () -> assertThat(dune.tags.count()).isEqualTo(2));
        queries.assertNumQueries(2, () -> dune.tags.add(s.romance));
        // The prefetched rows are stale now; Quarry drops them rather than answer wrongly.
        queries.assertNumQueries(0, () -> assertThat(catchThrowableOfType(RelationNotLoaded.class, dune.tags::count))
                .isNotNull());
    }

    // ----- RAISE as the Quarry's default -----

    @Test
    void raiseAsTheQuarrysDefaultAppliesToQuerySetsThatSetNoMode(Quarry quarry) {
        // A second Quarry on a fresh database of the same backend, built with RAISE as its default.
        TestDatabases.Target target = TestDatabases.active().stream().filter(t -> t.vendor().equals(quarry.vendor()))
                .findFirst().orElseThrow();
        TestDatabases.Isolated database = target.create();
        try (Quarry strict = Quarry.builder().url(database.url()).user(target.user()).password(target.password())
                .models(Author.class, Book.class, Tag.class).fetchMode(FetchMode.RAISE).build()) {
            strict.createTables();
            assertThat(strict.fetchMode()).isEqualTo(FetchMode.RAISE);
            Author ann = Author.objects.using(strict).create(a -> a.name = "ann");
            Book dune = Book.objects.using(strict).create(Map.of("title", "Dune", "author", ann.id));
            Queries counted = new Queries(strict);

            Book loaded = counted.assertNumQueries(1, () -> Book.objects.using(strict).get("title", "Dune"));
            counted.assertNumQueries(0, () -> {
                RelationNotLoaded e = catchThrowableOfType(RelationNotLoaded.class, loaded.author::get);
                assertThat(e).isNotNull();
                assertThat(e.model()).isEqualTo(Book.class);
                assertThat(e.relation()).isEqualTo("author");
                // An instance that was never loaded follows its Quarry's default too.
                assertThat(catchThrowableOfType(RelationNotLoaded.class, dune.author::get)).isNotNull();
                assertThat(catchThrowableOfType(RelationNotLoaded.class, () -> ann.related("books").count())).isNotNull();
                assertThat(catchThrowableOfType(RelationNotLoaded.class, dune.tags::list)).isNotNull();
            });
            // Writes still work, and a QuerySet can ask for LAZY explicitly.
            Tag scifi = Tag.objects.using(strict).create(t -> t.name = "scifi");
            counted.assertNumQueries(2, () -> dune.tags.add(scifi));
            Book lazy = counted.assertNumQueries(1, () -> Book.objects.using(strict).fetchMode(FetchMode.LAZY)
                    .get("title", "Dune"));
            assertThat(counted.assertNumQueries(1, () -> lazy.author.get().name)).isEqualTo("ann");
            assertThat(counted.assertNumQueries(1, () -> lazy.tags.count())).isEqualTo(1);
        } finally {
            database.drop();
        }
        // The test's own Quarry is untouched: LAZY.
        assertThat(quarry.fetchMode()).isEqualTo(FetchMode.LAZY);
    }

    // ----- PEERS and LAZY -----

    @Test
    void peersLoadsAForeignKeyForEveryInstanceOfTheResultInOneQuery(Queries queries) {
        Shelf s = new Shelf();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.PEERS).orderBy("title").list());
        // The first access loads every book's author (three distinct keys) in one IN query.
        queries.assertNumQueries(1, () -> assertThat(books).extracting(b -> b.author.get())
                .containsExactly(s.ann, s.ann, s.bob, s.cat));
        queries.assertNumQueries(0, () -> assertThat(books).extracting(b -> b.author.get().name)
                .containsExactly("ann", "ann", "bob", "cat"));
        // Books by the same author share the loaded instance.
        assertThat(books.get(0).author.get()).isSameAs(books.get(1).author.get());
    }

    @Test
    void peersLoadsAReverseForeignKeyForEveryInstanceOfTheResultInOneQuery(Queries queries) {
        new Shelf();
        List<Author> authors = queries.assertNumQueries(1, () -> Author.objects.fetchMode(FetchMode.PEERS).orderBy("name").list());
        List<Integer> counts = queries.assertNumQueries(1, () -> authors.stream()
                .map(a -> a.related("books", Book.class).list().size()).toList());
        assertThat(counts).containsExactly(2, 1, 1, 0);
        queries.assertNumQueries(0, () -> {
            assertThat(authors).extracting(a -> a.related("books").count()).containsExactly(2L, 1L, 1L, 0L);
            assertThat(titles(authors.get(0).related("books", Book.class).all())).containsExactlyInAnyOrder("Dune", "Emma");
            assertThat(authors.get(3).related("books").exists()).isFalse();
        });
    }

    @Test
    void peersStartsFromAnyInstanceOfTheResult(Queries queries) {
        new Shelf();
        List<Author> authors = Author.objects.fetchMode(FetchMode.PEERS).orderBy("name").list();
        // Touching the last author's relation first still loads everyone's.
        assertThat(queries.assertNumQueries(1, () -> authors.get(2).related("books", Book.class).get().title))
                .isEqualTo("Golem");
        queries.assertNumQueries(0, () -> assertThat(authors.get(0).related("books").count()).isEqualTo(2));
    }

    @Test
    void peersOnInstancesLoadedBySelectRelatedLoadsForEveryOneOfThem(Queries queries) {
        new Shelf();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.fetchMode(FetchMode.PEERS)
                .selectRelated("author").orderBy("title").list());
        // The authors came with the books: their peers are the other authors of the result, not the books.
        List<Long> counts = queries.assertNumQueries(1, () -> books.stream()
                .map(b -> b.author.get().related("books").count()).toList());
        assertThat(counts).containsExactly(2L, 2L, 1L, 1L);
    }

    @Test
    void peersOnPrefetchedInstancesLoadsForEveryOneOfThem(Queries queries) {
        new Shelf();
        List<Author> authors = queries.assertNumQueries(2, () -> Author.objects.fetchMode(FetchMode.PEERS)
                .prefetchRelated("books").orderBy("name").list());
        List<Long> tagCounts = queries.assertNumQueries(1, () -> authors.stream()
                .flatMap(a -> a.related("books", Book.class).list().stream())
                .sorted(java.util.Comparator.comparing(b -> b.title)).map(b -> b.tags.count()).toList());
        assertThat(tagCounts).containsExactly(2L, 1L, 1L, 0L);
    }

    @Test
    void lazyRunsOneQueryPerAccess(Queries queries) {
        new Shelf();
        List<Book> books = Book.objects.fetchMode(FetchMode.LAZY).orderBy("title").list();
        queries.assertNumQueries(4, () -> assertThat(books).extracting(b -> b.author.get().name)
                .containsExactly("ann", "ann", "bob", "cat"));
        // A loaded Ref keeps its target.
        queries.assertNumQueries(0, () -> books.forEach(b -> b.author.get()));
        List<Author> authors = Author.objects.orderBy("name").list();
        queries.assertNumQueries(4, () -> assertThat(authors).extracting(a -> a.related("books").count())
                .containsExactly(2L, 1L, 1L, 0L));
        // A relation that was not prefetched is queried again on every read (QuerySets keep no rows).
        queries.assertNumQueries(2, () -> {
            authors.get(0).related("books").list();
            authors.get(0).related("books").list();
        });
    }
}
