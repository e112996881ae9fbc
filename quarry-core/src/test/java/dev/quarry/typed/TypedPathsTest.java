package dev.quarry.typed;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static dev.quarry.expr.Aggregates.max;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.expr.F;
import dev.quarry.query.typed.BooleanPath;
import dev.quarry.query.typed.DatePath;
import dev.quarry.query.typed.DateTimePath;
import dev.quarry.query.typed.ManyPath;
import dev.quarry.query.typed.NumberPath;
import dev.quarry.query.typed.RelationPath;
import dev.quarry.query.typed.StringPath;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime path types of the typed metamodel give exactly the conditions, orderings and
 * aggregates of the lookup strings, so a typed query runs the same SQL, returns the same rows and
 * takes the same number of queries. The paths below are written out by hand as
 * {@code quarry-processor} writes them into {@code Volume_} (its own tests check the generated code).
 */
@QuarryTest(models = {Shelf.class, Volume.class, Label.class, Loan.class})
class TypedPathsTest {
    /** Volume's shelf, with the shelf's fields: what a generated {@code Shelf_} path class holds. */
    static final class ShelfPath extends RelationPath<Shelf> {
        final StringPath name;

        ShelfPath(String path, String accessorPath) {
            super(path, accessorPath, Shelf.class);
            name = new StringPath(path + "__name");
        }
    }

    /** Volume's loans (reverse side without a related name: query name {@code loan}, accessor {@code loan_set}). */
    static final class LoansPath extends ManyPath<Loan> {
        final StringPath reader;
        final DateTimePath<Instant> lentAt;

        LoansPath(String path, String accessorPath) {
            super(path, accessorPath, Loan.class);
            reader = new StringPath(path + "__reader");
            lentAt = new DateTimePath<>(path + "__lent_at", Instant.class);
        }
    }

    static final NumberPath<Long> id = new NumberPath<>("id", Long.class);
    static final StringPath title = new StringPath("title");
    static final NumberPath<Integer> pages = new NumberPath<>("pages", Integer.class);
    static final DatePath<LocalDate> publishedDate = new DatePath<>("published_date", LocalDate.class);
    static final BooleanPath inPrint = new BooleanPath("in_print");
    static final ShelfPath shelf = new ShelfPath("shelf", "shelf");
    static final ManyPath<Label> labels = new ManyPath<>("labels", "labels", Label.class);
    static final LoansPath loan = new LoansPath("loan", "loan_set");

    private Shelf fiction;
    private Volume dune;
    private Volume emma;

    private void rows() {
        fiction = Shelf.objects.create(s -> s.name = "Fiction");
        Shelf history = Shelf.objects.create(s -> s.name = "History");
        Label classic = Label.objects.create(l -> l.name = "classic");
        dune = volume("Dune", 412, LocalDate.of(1965, 8, 1), true, fiction);
        emma = volume("Emma", 474, LocalDate.of(1815, 12, 23), false, fiction);
        volume("SPQR", 608, null, true, history);
        dune.labels.add(classic);
        emma.labels.add(classic);
        Loan.objects.create(l -> {
            l.volume.set(dune);
            l.reader = "ann";
            l.lentAt = Instant.parse("2024-03-01T10:00:00Z");
        });
        Loan.objects.create(l -> {
            l.volume.set(dune);
            l.reader = "bob";
            l.lentAt = Instant.parse("2025-01-02T10:00:00Z");
        });
    }

    private static Volume volume(String title, int pages, LocalDate published, boolean inPrint, Shelf shelf) {
        return Volume.objects.create(v -> {
            v.title = title;
            v.pages = pages;
            v.publishedDate = published;
            v.inPrint = inPrint;
            v.shelf.set(shelf);
        });
    }

    @Test
    void eachLookupEqualsItsLookupString() {
        assertThat(title.eq("Dune")).isEqualTo(Q.of("title", "Dune"));
        assertThat(shelf.name.icontains("fic")).isEqualTo(Q.of("shelf__name__icontains", "fic"));
        assertThat(title.startsWith("D")).isEqualTo(Q.of("title__startswith", "D"));
        assertThat(title.iendsWith("e")).isEqualTo(Q.of("title__iendswith", "e"));
        assertThat(pages.gt(400)).isEqualTo(Q.of("pages__gt", 400));
        assertThat(pages.range(400, 500)).isEqualTo(Q.of("pages__range", List.of(400, 500)));
        assertThat(title.in("Dune", "Emma")).isEqualTo(Q.of("title__in", List.of("Dune", "Emma")));
        assertThat(publishedDate.isNull(true)).isEqualTo(Q.of("published_date__isnull", true));
        assertThat(publishedDate.year().lte(1900)).isEqualTo(Q.of("published_date__year__lte", 1900));
        assertThat(loan.lentAt.date().year().eq(2024)).isEqualTo(Q.of("loan__lent_at__date__year", 2024));
        assertThat(inPrint.isTrue()).isEqualTo(Q.of("in_print", true));
        assertThat(loan.reader.eq("ann").and(loan.lentAt.year().eq(2024)))
                .isEqualTo(Q.of("loan__reader", "ann").and(Q.of("loan__lent_at__year", 2024)));
        assertThat(labels.isNull(true)).isEqualTo(Q.of("labels__isnull", true));
        assertThat(pages.gt(id)).isEqualTo(Q.of("pages__gt", F.of("id")));
        assertThat(title.lookup("regex", "^D")).isEqualTo(Q.of("title__regex", "^D"));
    }

    @Test
    void orderingsExpressionsAndAggregatesEqualTheirStringForms() {
        assertThat(title.desc()).isEqualTo(Ordering.desc("title"));
        assertThat(shelf.name.asc().nullsLast()).isEqualTo(Ordering.asc("shelf__name").nullsLast());
        assertThat(pages.f()).isEqualTo(F.of("pages"));
        assertThat(loan.count()).isEqualTo(count("loan"));
        assertThat(pages.avg()).isEqualTo(avg("pages"));
        assertThat(pages.max()).isEqualTo(max("pages", Integer.class));
        assertThat(loan.accessorPath()).isEqualTo("loan_set");
        assertThat(loan.path()).isEqualTo("loan");
    }

    @Test
    void typedQueriesRunTheSqlOfTheStringFormAndReturnItsRows(Queries queries) {
        rows();
        assertThat(Volume.objects.filter(shelf.name.eq("Fiction"), pages.gt(420)).sql())
                .isEqualTo(Volume.objects.filter(Q.of("shelf__name", "Fiction"), Q.of("pages__gt", 420)).sql());

        List<Volume> typed = queries.assertNumQueries(1, () -> Volume.objects.filter(loan.reader.eq("ann"))
                .exclude(publishedDate.isNull(true)).orderBy(title.desc()).list());
        List<Volume> strings = queries.assertNumQueries(1, () -> Volume.objects.filter("loan__reader", "ann")
                .exclude("published_date__isnull", true).orderBy("-title").list());
        assertThat(typed).containsExactly(dune).isEqualTo(strings);

        assertThat(Volume.objects.filter(publishedDate.year().lt(1900)).list()).containsExactly(emma);
        assertThat(Volume.objects.filter(inPrint.isFalse()).list()).containsExactly(emma);
        assertThat(Shelf.objects.filter(new ManyPath<>("volumes", "volumes", Volume.class).isNull(true)).count()).isZero();
    }

    @Test
    void typedProjectionsAndAggregatesGiveTheValuesOfTheStringForm(Queries queries) {
        rows();
        List<String> typed = queries.assertNumQueries(1, () -> Volume.objects.filter(shelf.eq(fiction))
                .orderBy(title.asc()).valuesList(title).list());
        assertThat(typed).containsExactly("Dune", "Emma")
                .isEqualTo(Volume.objects.filter("shelf", fiction).orderBy("title").valuesList("title", String.class).list());
        Integer most = Volume.objects.all().aggregate(pages.max());
        assertThat(most).isEqualTo(608);
        List<Volume> byLoans = Volume.objects.annotate("loans", loan.count()).orderBy(Ordering.desc("loans"), id.asc()).list();
        assertThat(byLoans.get(0)).isEqualTo(dune);
        assertThat(byLoans.get(0).annotation("loans", Long.class)).isEqualTo(2L);
    }

    @Test
    void typedValuesAndUpdatesEqualTheirStringForms(Queries queries) {
        rows();
        List<java.util.Map<String, Object>> maps = queries.assertNumQueries(1, () -> Volume.objects.orderBy(title.asc())
                .values(title, shelf.name).list());
        assertThat(maps).isEqualTo(Volume.objects.orderBy("title").values("title", "shelf__name").list());
        assertThat(maps.get(0)).containsEntry("title", "Dune").containsEntry("shelf__name", "Fiction");
        List<List<Object>> lists = Volume.objects.orderBy(title.asc()).valuesList(title, pages).list();
        assertThat(lists).containsExactly(List.of("Dune", 412), List.of("Emma", 474), List.of("SPQR", 608));

        Shelf history = Shelf.objects.get("name", "History");
        int moved = queries.assertNumQueries(1, () -> Volume.objects.filter(title.eq("Emma")).update(shelf, history));
        int longer = queries.assertNumQueries(1, () -> Volume.objects.filter(shelf.eq(history)).update(pages, pages.f().plus(1)));
        int renamed = queries.assertNumQueries(1, () -> Volume.objects.filter(title.eq("SPQR")).update(title, "SPQR (2nd ed.)"));
        assertThat(List.of(moved, longer, renamed)).containsExactly(1, 2, 1);
        assertThat(Volume.objects.orderBy("title").valuesList("title", "pages", "shelf__name").list()).containsExactly(
                List.of("Dune", 412, "Fiction"), List.of("Emma", 475, "History"), List.of("SPQR (2nd ed.)", 609, "History"));
        // A typed null needs its type, as the overloads for values and expressions both take one.
        assertThat(Volume.objects.filter(title.eq("Emma")).update(publishedDate, (LocalDate) null)).isEqualTo(1);
        assertThat(Volume.objects.filter(publishedDate.isNull(true)).count()).isEqualTo(2);
    }

    @Test
    void typedLoadingPathsUseAccessorNames(Queries queries) {
        rows();
        // prefetchRelated takes accessors (loan_set), filter takes query names (loan): one path object serves both.
        queries.assertNumQueries(2, () -> {
            for (Volume v : Volume.objects.prefetchRelated(loan).orderBy(id.asc())) {
                v.related("loan_set", Loan.class).all().list();
            }
        });
        queries.assertNumQueries(1, () -> {
            for (Volume v : Volume.objects.selectRelated(shelf).filter(shelf.name.eq("Fiction"))) {
                assertThat(v.shelf.get().name).isEqualTo("Fiction");
            }
        });
    }

    @Test
    void aPathNamingNoFieldFailsAsItsStringDoes() {
        StringPath misspelt = new StringPath("titel");
        assertThatThrownBy(() -> Volume.objects.filter(misspelt.eq("Dune"))).isInstanceOf(FieldError.class)
                .hasMessageContaining("titel").hasMessageContaining("title");
        assertThatThrownBy(() -> new StringPath("")).isInstanceOf(FieldError.class).hasMessageContaining("lookup string");
        assertThatThrownBy(() -> Volume.objects.filter(title.lookup("nope", 1)))
                .isInstanceOf(FieldError.class).hasMessageContaining("nope");
    }
}
