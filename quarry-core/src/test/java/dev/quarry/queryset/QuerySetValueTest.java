package dev.quarry.queryset;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.DoesNotExist;
import dev.quarry.ExecutedQuery;
import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.InvalidValueError;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QueryError;
import dev.quarry.QuerySet;
import dev.quarry.Queryable;
import dev.quarry.Sql;
import dev.quarry.ValuesQuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A QuerySet is a value (0.2): building never changes the receiver, every terminal call runs the
 * query again and returns fresh immutable rows, limit and offset are independent settings that
 * slices compose with, first()/last() are Optional, values are typed and checked before any SQL,
 * sql() is a value, get() failures carry placeholders only, and the QuerySet of a prefetched
 * relation answers from memory until refined. The Django behaviour relied on is named where there
 * is one; the departures from Django (no result cache, independent limit/offset) are 0.2's.
 */
@QuarryTest(models = {Author.class, Book.class})
class QuerySetValueTest {

    private static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }

    // ----- building leaves the receiver alone -----

    @Test
    void everyBuildingMethodLeavesTheReceiversSqlUnchanged(Quarry quarry, Queries queries) {
        Shelf s = new Shelf();
        QuerySet<Book> base = Book.objects.filter("year__gte", 1000).orderBy("title");
        Sql before = base.sql();
        Map<String, Function<QuerySet<Book>, Queryable<?, ?>>> steps = new LinkedHashMap<>();
        steps.put("filter", qs -> qs.filter("title__startswith", "E"));
        steps.put("filter(Q, Q)", qs -> qs.filter(Q.of("year__lt", 1900), Q.of("author__name", "ann")));
        steps.put("exclude", qs -> qs.exclude("title", "Dune"));
        steps.put("exclude(Q, Q)", qs -> qs.exclude(Q.of("year__lt", 1900), Q.of("author__name", "ann")));
        steps.put("annotate", qs -> qs.annotate("by_author", count("author__books")));
        steps.put("orderBy", qs -> qs.orderBy("-year"));
        steps.put("orderBy(Ordering)", qs -> qs.orderBy(Ordering.desc("year"), Ordering.asc("title")));
        steps.put("unordered", QuerySet::unordered);
        steps.put("reverse", QuerySet::reverse);
        steps.put("distinct", QuerySet::distinct);
        steps.put("limit", qs -> qs.limit(2));
        steps.put("offset", qs -> qs.offset(1));
        steps.put("slice", qs -> qs.slice(1, 3));
        steps.put("selectRelated", qs -> qs.selectRelated("author"));
        steps.put("values", qs -> qs.values("title", "author__name"));
        steps.put("valuesList", qs -> qs.valuesList("title", "year"));
        steps.put("valuesList(typed)", qs -> qs.valuesList("year", Long.class));
        // These change how rows are loaded or where, not the SELECT.
        Set<String> sameSelect = Set.of("prefetchRelated", "fetchMode", "using");
        steps.put("prefetchRelated", qs -> qs.prefetchRelated("author"));
        steps.put("fetchMode", qs -> qs.fetchMode(FetchMode.RAISE));
        steps.put("using", qs -> qs.using(quarry));

        queries.assertNumQueries(0, () -> steps.forEach((name, step) -> {
            Queryable<?, ?> derived = step.apply(base);
            assertThat(derived).as(name).isNotSameAs(base);
            assertThat(base.sql()).as(name).isEqualTo(before);
            if (sameSelect.contains(name)) {
                assertThat(derived.sql()).as(name).isEqualTo(before);
            } else {
                assertThat(derived.sql()).as(name).isNotEqualTo(before);
            }
        }));

        // The same for a ValuesQuerySet.
        ValuesQuerySet<String> names = base.valuesList("title", String.class);
        Sql namesBefore = names.sql();
        List<UnaryOperator<ValuesQuerySet<String>>> valueSteps = List.of(v -> v.filter("year__lt", 1900),
                v -> v.exclude(Q.of("title", "Dune")), v -> v.orderBy("-year"), ValuesQuerySet::unordered,
                ValuesQuerySet::reverse, ValuesQuerySet::distinct, v -> v.limit(1), v -> v.offset(1), v -> v.slice(0, 2));
        queries.assertNumQueries(0, () -> {
            for (UnaryOperator<ValuesQuerySet<String>> step : valueSteps) {
                assertThat(step.apply(names).sql()).isNotEqualTo(namesBefore);
                assertThat(names.sql()).isEqualTo(namesBefore);
            }
        });
        // And the receiver still runs as it was built.
        assertThat(queries.assertNumQueries(1, base::list)).containsExactly(s.beowulf, s.candide, s.dune, s.emma, s.faust);
        assertThat(queries.assertNumQueries(1, names::list)).containsExactly("Beowulf", "Candide", "Dune", "Emma", "Faust");
    }

    @Test
    void aKeptQuerySetRunsAgainEachTimeAndSeesRowsAddedLater(Queries queries) {
        // 0.2 departs from Django's result cache: every terminal call runs the query.
        Shelf s = new Shelf();
        QuerySet<Book> annsBooks = Book.objects.filter("author", s.ann).orderBy("title");
        ValuesQuerySet<String> annsTitles = annsBooks.valuesList("title", String.class);
        List<Book> first = queries.assertNumQueries(1, annsBooks::list);
        assertThat(first).containsExactly(s.dune, s.emma);

        Book persuasion = Book.objects.create(Map.of("title", "Persuasion", "author", s.ann, "year", 1817));
        Book.objects.filter("title", "Dune").update("title", "Dune Messiah");

        List<Book> second = queries.assertNumQueries(1, annsBooks::list);
        assertThat(second).containsExactly(s.dune, s.emma, persuasion);
        assertThat(titles(second)).containsExactly("Dune Messiah", "Emma", "Persuasion");
        assertThat(queries.assertNumQueries(1, annsBooks::count)).isEqualTo(3);
        assertThat(queries.assertNumQueries(1, annsTitles::list)).containsExactly("Dune Messiah", "Emma", "Persuasion");
        // A list already returned is a snapshot, and nobody can change it.
        assertThat(titles(first)).containsExactly("Dune", "Emma");
        assertThatThrownBy(() -> second.add(s.faust)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> second.set(0, s.faust)).isInstanceOf(UnsupportedOperationException.class);
        List<String> titles = annsTitles.list();
        assertThatThrownBy(() -> titles.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        List<Map<String, Object>> maps = annsBooks.values("title").list();
        assertThatThrownBy(() -> maps.get(0).put("title", "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ----- limit, offset, slices -----

    private record Window(String name, UnaryOperator<QuerySet<Book>> apply, List<String> titles) {}

    @Test
    void limitAndOffsetAreIndependentAndSlicesComposeLikePythonSlices(Queries queries) {
        new Shelf();
        QuerySet<Book> byTitle = Book.objects.orderBy("title");
        List<Window> windows = List.of(
                new Window("limit(2)", q -> q.limit(2), List.of("Alcestis", "Beowulf")),
                new Window("offset(4)", q -> q.offset(4), List.of("Emma", "Faust")),
                // Either order gives LIMIT 2 OFFSET 1.
                new Window("limit(2).offset(1)", q -> q.limit(2).offset(1), List.of("Beowulf", "Candide")),
                new Window("offset(1).limit(2)", q -> q.offset(1).limit(2), List.of("Beowulf", "Candide")),
                // A later limit or offset replaces the earlier one.
                new Window("limit(5).limit(2)", q -> q.limit(5).limit(2), List.of("Alcestis", "Beowulf")),
                new Window("offset(3).offset(1)", q -> q.offset(3).offset(1),
                        List.of("Beowulf", "Candide", "Dune", "Emma", "Faust")),
                new Window("slice(1, 3).limit(3)", q -> q.slice(1, 3).limit(3), List.of("Beowulf", "Candide", "Dune")),
                // Django: qs[1:4] -> B C D; qs[1:4][1:2] -> C; qs[1:4][2:10] -> D; qs[1:3][5:6] -> [].
                new Window("slice(1, 4)", q -> q.slice(1, 4), List.of("Beowulf", "Candide", "Dune")),
                new Window("slice(1, 4).slice(1, 2)", q -> q.slice(1, 4).slice(1, 2), List.of("Candide")),
                new Window("slice(1, 4).slice(2, 10)", q -> q.slice(1, 4).slice(2, 10), List.of("Dune")),
                new Window("slice(1, 3).slice(5, 6)", q -> q.slice(1, 3).slice(5, 6), List.of()),
                new Window("offset(2).slice(0, 2)", q -> q.offset(2).slice(0, 2), List.of("Candide", "Dune")),
                new Window("limit(3).slice(1, 10)", q -> q.limit(3).slice(1, 10), List.of("Beowulf", "Candide")),
                new Window("slice(2, 2)", q -> q.slice(2, 2), List.of()),
                new Window("limit(0)", q -> q.limit(0), List.of()));

        for (Window w : windows) {
            QuerySet<Book> qs = w.apply().apply(byTitle);
            // A window of no row (limit(0), slice(2, 2), an empty slice of a slice) sends no SQL,
            // as Django runs no query for qs[:0].
            int expected = java.util.Set.of("limit(0)", "slice(2, 2)", "slice(1, 3).slice(5, 6)").contains(w.name()) ? 0 : 1;
            assertThat(titles(queries.assertNumQueries(expected, qs::list))).as(w.name()).containsExactlyElementsOf(w.titles());
            assertThat(queries.assertNumQueries(expected, qs::count)).as(w.name() + ".count()").isEqualTo(w.titles().size());
            assertThat(queries.assertNumQueries(expected, qs::exists)).as(w.name() + ".exists()").isEqualTo(!w.titles().isEmpty());
        }
        assertThat(byTitle.limit(2).offset(1).sql()).isEqualTo(byTitle.offset(1).limit(2).sql());

        queries.assertNumQueries(0, () -> {
            // Django: "Cannot filter a query once a slice has been taken."
            assertThatThrownBy(() -> byTitle.limit(2).filter("year__gt", 0)).isInstanceOf(QueryError.class)
                    .hasMessageContaining("Cannot filter a query once limit, offset or slice has been applied");
            assertThatThrownBy(() -> byTitle.offset(1).orderBy("year")).isInstanceOf(QueryError.class)
                    .hasMessageContaining("Cannot orderBy");
            // Django: "Cannot reverse a query once a slice has been taken." and the same for distinct():
            // either would silently select another window.
            assertThatThrownBy(() -> byTitle.limit(2).reverse()).isInstanceOf(QueryError.class)
                    .hasMessageContaining("Cannot reverse a query once limit, offset or slice has been applied");
            assertThatThrownBy(() -> Author.objects.filter("books__year__gt", 0).slice(0, 3).distinct())
                    .isInstanceOf(QueryError.class).hasMessageContaining("Cannot distinct");
            assertThatThrownBy(() -> byTitle.limit(-1)).isInstanceOf(QueryError.class).hasMessageContaining("Negative limit");
            assertThatThrownBy(() -> byTitle.slice(3, 1)).isInstanceOf(QueryError.class).hasMessageContaining("before its start");
        });
    }

    // ----- first() and last() -----

    @Test
    void firstAndLastAreOptionalAndFollowThePrimaryKeyWhenUnordered(Queries queries) {
        queries.assertNumQueries(4, () -> {
            assertThat(Book.objects.first()).isEmpty();
            assertThat(Book.objects.last()).isEmpty();
            assertThat(Author.objects.first()).isEmpty();
            assertThat(Author.objects.unordered().last()).isEmpty();
        });
        Shelf s = new Shelf();
        // Django: first()/last() on an unordered QuerySet order by the primary key.
        assertThat(queries.assertNumQueries(1, Book.objects::first)).contains(s.faust);
        assertThat(queries.assertNumQueries(1, Book.objects::last)).contains(s.beowulf);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author", s.ann).first())).contains(s.dune);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author", s.ann).last())).contains(s.emma);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("year__gt", 2000).first())).isEmpty();
        // An ordering decides, the Meta default included.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("title").first())).contains(s.alcestis);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("title").last())).contains(s.faust);
        assertThat(queries.assertNumQueries(1, Author.objects::first)).contains(s.dan);
        assertThat(queries.assertNumQueries(1, Author.objects::last)).contains(s.ann);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.unordered().first())).contains(s.cat);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.unordered().last())).contains(s.dan);
        // Within a window: its first and last rows.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("title").slice(2, 4).first())).contains(s.candide);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.orderBy("title").slice(2, 4).last())).contains(s.dune);
    }

    // ----- values -----

    @Test
    void valuesListIsTypedAndAWrongTypeFailsBeforeAnySql(Queries queries) {
        Shelf s = new Shelf();
        assertThat(queries.assertNumQueries(1, () -> Author.objects.valuesList("name", String.class).list()))
                .containsExactly("dan", "cat", "bob", "ann");
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Author.objects.valuesList("name", Integer.class))
                .isInstanceOf(FieldError.class).hasMessageContaining("name").hasMessageContaining("String")
                .hasMessageContaining("Integer"));

        // The automatic key is a Long; Integer narrows it, checking the range.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.orderBy("pk").valuesList("id", Long.class).list()))
                .containsExactly(s.cat.id, s.ann.id, s.bob.id, s.dan.id);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.orderBy("pk").valuesList("id", Integer.class).list()))
                .containsExactly(s.cat.id.intValue(), s.ann.id.intValue(), s.bob.id.intValue(), s.dan.id.intValue());
        // An IntegerField widens to Long, Double and BigDecimal, and narrows to Short while the values fit.
        QuerySet<Book> catsBooks = Book.objects.filter("author", s.cat).orderBy("year");
        assertThat(queries.assertNumQueries(1, () -> catsBooks.valuesList("year", Long.class).list()))
                .containsExactly(-438L, 1000L, 1759L);
        assertThat(queries.assertNumQueries(1, () -> catsBooks.valuesList("year", Double.class).list()))
                .containsExactly(-438.0, 1000.0, 1759.0);
        assertThat(queries.assertNumQueries(1, () -> catsBooks.valuesList("year", BigDecimal.class).list()))
                .containsExactly(BigDecimal.valueOf(-438), BigDecimal.valueOf(1000), BigDecimal.valueOf(1759));
        assertThat(queries.assertNumQueries(1, () -> catsBooks.valuesList("year", Short.class).list()))
                .containsExactly((short) -438, (short) 1000, (short) 1759);
        Book.objects.create(Map.of("title", "Far Future", "author", s.cat, "year", 40000));
        queries.assertNumQueries(1, () -> assertThatThrownBy(() -> catsBooks.valuesList("year", Short.class).list())
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("out of range for Short"));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("title", "Dune").valuesList("author__name", String.class)
                .get())).isEqualTo("ann");

        // values() gives maps keyed by the paths; valuesList of several paths gives lists.
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author", s.ann).orderBy("title")
                .values("title", "author__name").list()))
                .containsExactly(Map.of("title", "Dune", "author__name", "ann"), Map.of("title", "Emma", "author__name", "ann"));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author", s.ann).orderBy("title")
                .valuesList("title", "year").list())).containsExactly(List.of("Dune", 1965), List.of("Emma", 1815));
        Map<String, Object> dune = queries.assertNumQueries(1, () -> Book.objects.filter("title", "Dune").values().get());
        assertThat(dune).containsEntry("id", s.dune.id).containsEntry("title", "Dune").containsEntry("year", 1965);
    }

    @Test
    void unorderedDropsTheDefaultOrderingOfMeta(Queries queries) {
        Shelf s = new Shelf();
        // Django: Meta.ordering applies to every query of the model; order_by() with no fields clears it.
        assertThat(Author.objects.sql().text()).contains("ORDER BY");
        assertThat(Author.objects.filter("name__in", List.of("ann", "cat")).sql().text()).contains("ORDER BY");
        assertThat(Author.objects.unordered().sql().text()).doesNotContain("ORDER BY");
        assertThat(Author.objects.values("name").unordered().sql().text()).doesNotContain("ORDER BY");

        assertThat(queries.assertNumQueries(1, Author.objects::list)).containsExactly(s.dan, s.cat, s.bob, s.ann);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.filter("name__in", List.of("ann", "cat")).list()))
                .containsExactly(s.cat, s.ann);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.unordered().list()))
                .containsExactlyInAnyOrder(s.ann, s.bob, s.cat, s.dan);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.unordered().orderBy("name").list()))
                .containsExactly(s.ann, s.bob, s.cat, s.dan);
        assertThat(queries.assertNumQueries(1, () -> Author.objects.reverse().list())).containsExactly(s.ann, s.bob, s.cat, s.dan);
    }

    // ----- sql() -----

    @Test
    void sqlGivesTextWithPlaceholdersItsParametersAndAnInlinedCopy(Queries queries) {
        Shelf s = new Shelf();
        Book obrien = Book.objects.create(Map.of("title", "O'Brien's Tale", "author", s.bob, "year", 1850));
        QuerySet<Book> qs = Book.objects.filter("title", "O'Brien's Tale").filter("year__gte", 1800);
        Sql sql = queries.assertNumQueries(0, qs::sql);

        assertThat(sql.text()).doesNotContain("Brien").doesNotContain("1800");
        assertThat(sql.text().chars().filter(c -> c == '?').count()).isEqualTo(2);
        assertThat(sql.parameters()).containsExactly("O'Brien's Tale", 1800);
        assertThat(sql.inlined()).contains("Brien").contains("1800").doesNotContain("?");
        assertThat(sql.toString()).isEqualTo(sql.text());
        assertThat(qs.sql()).isEqualTo(sql);
        assertThatThrownBy(() -> sql.parameters().add("x")).isInstanceOf(UnsupportedOperationException.class);

        // It is the statement the QuerySet runs.
        List<ExecutedQuery> ran = queries.captured(() -> assertThat(qs.list()).containsExactly(obrien));
        assertThat(ran).hasSize(1);
        assertThat(ran.get(0).sql()).isEqualTo(sql.text());
        assertThat(ran.get(0).params()).isEqualTo(sql.parameters());
    }

    // ----- get() -----

    @Test
    void getFailuresNameTheModelAndTheLookupWithPlaceholdersNeverTheValues(Queries queries) {
        Shelf s = new Shelf();
        DoesNotExist none = queries.assertNumQueries(1, () -> catchThrowableOfType(DoesNotExist.class,
                () -> Book.objects.get("title", "Secret Title")));
        assertThat(none).hasMessage("Book matching query does not exist. Lookup: filter(title=?)");
        assertThat(none.model()).isEqualTo(Book.class);
        assertThat(none.lookup()).isEqualTo("filter(title=?)");

        DoesNotExist chained = queries.assertNumQueries(1, () -> catchThrowableOfType(DoesNotExist.class,
                () -> Book.objects.filter("author__name", "ann").exclude("year__lt", 1900)
                        .get(Q.of("title__startswith", "Secret"), Q.of("year", 1999))));
        assertThat(chained.lookup()).isEqualTo("filter(author__name=?).exclude(year__lt=?).filter(title__startswith=?, year=?)");
        assertThat(chained).hasMessageNotContaining("Secret").hasMessageNotContaining("ann").hasMessageNotContaining("1999");

        DoesNotExist values = queries.assertNumQueries(1, () -> catchThrowableOfType(DoesNotExist.class,
                () -> Book.objects.valuesList("title", String.class).get("year", 1)));
        assertThat(values.model()).isEqualTo(Book.class);
        assertThat(values.lookup()).isEqualTo("filter(year=?)");

        MultipleObjectsReturned many = queries.assertNumQueries(1, () -> catchThrowableOfType(MultipleObjectsReturned.class,
                () -> Book.objects.filter("author", s.cat).get()));
        assertThat(many).hasMessageContaining("returned 3").hasMessageContaining("Book").hasMessageNotContaining("cat");
        assertThat(many.model()).isEqualTo(Book.class);
        assertThat(many.lookup()).isEqualTo("filter(author=?)");
        MultipleObjectsReturned all = queries.assertNumQueries(1, () -> catchThrowableOfType(MultipleObjectsReturned.class,
                () -> Author.objects.get()));
        assertThat(all.lookup()).isEqualTo("(all rows)");

        assertThat(queries.assertNumQueries(1, () -> Book.objects.get(Q.of("author", s.ann), Q.of("year__lt", 1900))))
                .isEqualTo(s.emma);
    }

    // ----- stream() -----

    @Test
    void streamInTryWithResourcesReturnsTheRows(Queries queries) {
        Shelf s = new Shelf();
        List<String> catsTitles = queries.assertNumQueries(1, () -> {
            try (Stream<Book> books = Book.objects.filter("author", s.cat).orderBy("year").stream()) {
                return books.map(b -> b.title).toList();
            }
        });
        assertThat(catsTitles).containsExactly("Alcestis", "Beowulf", "Candide");
        List<String> names = queries.assertNumQueries(1, () -> {
            try (Stream<String> all = Author.objects.valuesList("name", String.class).stream()) {
                return all.toList();
            }
        });
        assertThat(names).containsExactly("dan", "cat", "bob", "ann");
        // Closed after reading one row: the next query runs normally.
        queries.assertNumQueries(2, () -> {
            try (Stream<Book> all = Book.objects.orderBy("title").stream()) {
                assertThat(all.findFirst()).contains(s.alcestis);
            }
            assertThat(Book.objects.count()).isEqualTo(6);
        });
    }

    // ----- prefetched relations -----

    @Test
    void thePrefetchedRelationsQuerySetAnswersFromMemoryUntilRefined(Queries queries) {
        Shelf s = new Shelf();
        // Rewriting a row moves it in some databases' storage: memory must still follow the primary key.
        s.candide.year = 1758;
        s.candide.save();
        List<Author> authors = queries.assertNumQueries(2, () -> Author.objects.prefetchRelated("books").list());
        assertThat(authors).containsExactly(s.dan, s.cat, s.bob, s.ann);
        Author dan = authors.get(0);
        Author cat = authors.get(1);
        Author bob = authors.get(2);
        QuerySet<Book> catsBooks = cat.related("books", Book.class).all();
        QuerySet<Book> dansBooks = dan.related("books", Book.class).all();

        queries.assertNumQueries(0, () -> {
            assertThat(catsBooks.list()).containsExactlyInAnyOrder(s.candide, s.alcestis, s.beowulf);
            assertThat(catsBooks.count()).isEqualTo(3);
            assertThat(catsBooks.exists()).isTrue();
            // Unordered: first and last by primary key, as the database would answer.
            assertThat(catsBooks.first()).contains(s.candide);
            assertThat(catsBooks.last()).contains(s.beowulf);
            assertThat(cat.related("books", Book.class).count()).isEqualTo(3);
            assertThat(bob.related("books", Book.class).get()).isEqualTo(s.faust);
            assertThat(dansBooks.list()).isEmpty();
            assertThat(dansBooks.count()).isZero();
            assertThat(dansBooks.exists()).isFalse();
            assertThat(dansBooks.first()).isEmpty();
            assertThat(dansBooks.last()).isEmpty();
            assertThatThrownBy(dansBooks::get).isInstanceOf(DoesNotExist.class);
        });
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter("author", s.cat).first())).contains(s.candide);

        // A refinement is a new query.
        assertThat(queries.assertNumQueries(1, () -> catsBooks.filter("year__gt", 999).orderBy("year").list()))
                .containsExactly(s.beowulf, s.candide);
        assertThat(queries.assertNumQueries(1, () -> catsBooks.orderBy("-year").first())).contains(s.candide);
        assertThat(queries.assertNumQueries(1, () -> cat.related("books", Book.class).filter("title__startswith", "B").count()))
                .isEqualTo(1);
        assertThat(queries.assertNumQueries(1, () -> catsBooks.valuesList("title", String.class).list()))
                .containsExactlyInAnyOrder("Alcestis", "Beowulf", "Candide");
    }

    // ----- Q -----

    @Test
    void conditionsInOneFilterCallOnAReverseRelationReferToOneBookWhileChainedFiltersMayMatchDifferentBooks(
            Queries queries) {
        Shelf s = new Shelf();
        // Django: filter(books__year__gt=1900, books__title__startswith='E') -> []; ann's 1965 book is Dune.
        assertThat(queries.assertNumQueries(1, () -> Author.objects
                .filter(Q.of("books__year__gt", 1900), Q.of("books__title__startswith", "E")).list())).isEmpty();
        // Django: filter(books__year__gt=1900).filter(books__title__startswith='E') -> [ann]: Dune, then Emma.
        assertThat(queries.assertNumQueries(1, () -> Author.objects.filter("books__year__gt", 1900)
                .filter("books__title__startswith", "E").list())).containsExactly(s.ann);
        // One call, one book: Emma is both before 1900 and an E.
        assertThat(queries.assertNumQueries(1, () -> Author.objects
                .filter(Q.of("books__year__lt", 1900), Q.of("books__title__startswith", "E")).list())).containsExactly(s.ann);
        // filter(Q, Q) is filter(Q.and(Q)).
        Q modern = Q.of("books__year__gt", 1900);
        Q startsWithE = Q.of("books__title__startswith", "E");
        assertThat(Author.objects.filter(modern, startsWithE).sql()).isEqualTo(Author.objects.filter(modern.and(startsWithE)).sql());
        assertThat(queries.assertNumQueries(1, () -> Author.objects.get(Q.of("books__year__lt", 1000),
                Q.of("books__title__startswith", "A")))).isEqualTo(s.cat);
    }

    @Test
    void qIsAValueWithEqualityAndAMatchingHashCode(Queries queries) {
        Shelf s = new Shelf();
        Q dune = Q.of("title", "Dune");
        Q sameDune = Q.of("title", "Dune");
        Q ann = Q.of("author__name", "ann");
        Q modern = Q.of("year__gt", 1900);
        assertThat(dune).isEqualTo(sameDune).hasSameHashCodeAs(sameDune);
        assertThat(dune).isNotEqualTo(Q.of("title", "Emma")).isNotEqualTo(Q.of("title__iexact", "Dune"));
        assertThat(dune.and(ann)).isEqualTo(sameDune.and(Q.of("author__name", "ann")))
                .hasSameHashCodeAs(sameDune.and(Q.of("author__name", "ann")));
        assertThat(dune.and(ann)).isNotEqualTo(dune.or(ann));
        assertThat(dune.negate()).isEqualTo(Q.not(sameDune)).hasSameHashCodeAs(Q.not(sameDune)).isNotEqualTo(dune);
        assertThat(Q.of("title", null)).isEqualTo(Q.of("title", null));
        assertThat(Q.of("title__in", List.of("Dune", "Emma"))).isEqualTo(Q.of("title__in", List.of("Dune", "Emma")));
        assertThat(Q.all()).isEqualTo(Q.all());
        assertThat(dune.and(Q.all())).isEqualTo(dune);
        // Django: ~~Q(x) == Q(x), and (a & b) & c == a & (b & c) (Node.add squashes same-connector children).
        assertThat(dune.negate().negate()).isEqualTo(dune).hasSameHashCodeAs(dune);
        assertThat(dune.and(ann).and(modern)).isEqualTo(dune.and(ann.and(modern)))
                .hasSameHashCodeAs(dune.and(ann.and(modern)));
        assertThat(dune.or(ann).or(modern)).isEqualTo(dune.or(ann.or(modern)));

        Set<Q> set = new HashSet<>(List.of(dune, sameDune, dune.and(ann), sameDune.and(ann), Q.not(Q.not(dune))));
        assertThat(set).containsExactlyInAnyOrder(dune, dune.and(ann));
        Map<Q, String> named = new HashMap<>();
        named.put(dune.or(ann), "dune or ann's");
        assertThat(named).containsEntry(Q.of("title", "Dune").or(Q.of("author__name", "ann")), "dune or ann's");

        // Equal Qs are the same query.
        assertThat(Book.objects.filter(dune.negate().negate()).sql()).isEqualTo(Book.objects.filter(dune).sql());
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter(sameDune.or(ann)).orderBy("title").list()))
                .containsExactly(s.dune, s.emma);
        assertThat(queries.assertNumQueries(1, () -> Book.objects.filter(Q.not(Q.not(dune))).list())).containsExactly(s.dune);
    }
}
