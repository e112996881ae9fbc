package dev.quarry.wholeprefetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.Prefetch;
import dev.quarry.Quarry;
import dev.quarry.QueryListener;
import dev.quarry.QuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Prefetching whole tables: when the owners of a level are every row its relation can attach to (an
 * unfiltered, unsliced main query; a level reached from such owners by a reverse foreign key that can be
 * neither NULL nor dangling), the level's query runs without the IN list of their keys, and the stitching
 * drops rows whose key has no owner. Each case gives the same rows, in the same number of queries, as
 * the IN-list form, which a main query filtered to the same rows ({@code id > 0}) still sends.
 *
 * <pre>
 * writers ann, bob, cyd (nothing)        genres drama, farce, verse (no novel)
 * novels  a1 (ann) [drama]  a2 (ann) [drama, farce]  b1 (bob) []  b2 (bob) [farce]
 * sketches s1 (ann)  s2 (no writer)  s3 (bob)  s4 (no writer)
 * critiques of a1: 5 (s1), 3;  of a2: 4 (s2);  of b2: 2 (s3), 1
 * </pre>
 */
@QuarryTest(models = {Writer.class, Genre.class, Novel.class, Sketch.class, Critique.class, Venue.class, Cafe.class,
        Visit.class})
class WholeTablePrefetchTest {
    private static void rows() {
        Writer ann = Writer.make("ann");
        Writer bob = Writer.make("bob");
        Writer.make("cyd");
        Genre drama = Genre.make("drama");
        Genre farce = Genre.make("farce");
        Genre.make("verse");
        Novel a1 = Novel.make("a1", ann, drama);
        Novel a2 = Novel.make("a2", ann, drama, farce);
        Novel.make("b1", bob);
        Novel b2 = Novel.make("b2", bob, farce);
        Sketch s1 = Sketch.make("s1", ann);
        Sketch s2 = Sketch.make("s2", null);
        Sketch s3 = Sketch.make("s3", bob);
        Sketch.make("s4", null);
        Critique.make(a1, s1, 5);
        Critique.make(a1, null, 3);
        Critique.make(a2, s2, 4);
        Critique.make(b2, s3, 2);
        Critique.make(b2, null, 1);
    }

    /** For each statement, whether it sent an IN list. */
    private static List<Boolean> inLists(List<ExecutedQuery> sent) {
        return sent.stream().map(q -> q.sql().contains(" IN (")).toList();
    }

    /** Runs {@code query}, renders its rows with {@code render}, and records the statements in {@code sent}. */
    private static <T extends dev.quarry.Model> List<String> run(Queries queries, QuerySet<T> query, Function<T, String> render,
                                                                  List<ExecutedQuery> sent) {
        List<String> out = new ArrayList<>();
        sent.addAll(queries.captured(() -> query.list().forEach(row -> out.add(render.apply(row)))));
        return out;
    }

    private static String novels(Writer w) {
        return w.name + "=" + w.related("novels", Novel.class).all().list();
    }

    private static String novelsAndCritiques(Writer w) {
        return w.name + "=" + w.related("novels", Novel.class).all().list().stream()
                .map(n -> n.title + n.related("critique_set", Critique.class).all().list()).toList();
    }

    @Test
    void aReverseForeignKeyOfEveryWriterRunsWithoutAnInList(Queries queries) {
        rows();
        List<ExecutedQuery> whole = new ArrayList<>();
        List<ExecutedQuery> in = new ArrayList<>();
        List<String> rows = run(queries, Writer.objects.orderBy("name").prefetchRelated("novels"),
                WholeTablePrefetchTest::novels, whole);
        assertThat(rows).containsExactly("ann=[a1, a2]", "bob=[b1, b2]", "cyd=[]");
        assertThat(inLists(whole)).containsExactly(false, false);
        assertThat(run(queries, Writer.objects.filter("id__gt", 0).orderBy("name").prefetchRelated("novels"),
                WholeTablePrefetchTest::novels, in)).isEqualTo(rows);
        assertThat(inLists(in)).containsExactly(false, true);
        // Each novel's key points back at the very writer it was stitched onto.
        Writer ann = Writer.objects.orderBy("name").prefetchRelated("novels").first().orElseThrow();
        queries.assertNumQueries(0, () -> ann.related("novels", Novel.class).all()
                .forEach(n -> assertThat(n.writer.get()).isSameAs(ann)));
    }

    @Test
    void twoLevelsOfNonNullKeysRunWithoutInLists(Queries queries) {
        rows();
        List<ExecutedQuery> whole = new ArrayList<>();
        List<ExecutedQuery> cached = new ArrayList<>();
        List<ExecutedQuery> in = new ArrayList<>();
        List<String> rows = run(queries, Writer.objects.orderBy("name").prefetchRelated("novels__critique_set"),
                WholeTablePrefetchTest::novelsAndCritiques, whole);
        assertThat(rows).containsExactly("ann=[a1[5, 3], a2[4]]", "bob=[b1[], b2[2, 1]]", "cyd=[]");
        assertThat(inLists(whole)).containsExactly(false, false, false);
        // The second path continues from the level the first loaded, known to hold every novel.
        assertThat(run(queries, Writer.objects.orderBy("name").prefetchRelated("novels", "novels__critique_set"),
                WholeTablePrefetchTest::novelsAndCritiques, cached)).isEqualTo(rows);
        assertThat(inLists(cached)).containsExactly(false, false, false);
        assertThat(run(queries, Writer.objects.filter("id__gt", 0).orderBy("name").prefetchRelated("novels__critique_set"),
                WholeTablePrefetchTest::novelsAndCritiques, in)).isEqualTo(rows);
        assertThat(inLists(in)).containsExactly(false, true, true);
    }

    @Test
    void aMainQueryThatMayLeaveRowsOutKeepsTheInLists(Queries queries) {
        rows();
        List<ExecutedQuery> filtered = new ArrayList<>();
        List<ExecutedQuery> excluded = new ArrayList<>();
        List<ExecutedQuery> sliced = new ArrayList<>();
        assertThat(run(queries, Writer.objects.filter("name__lt", "c").orderBy("name").prefetchRelated("novels__critique_set"),
                WholeTablePrefetchTest::novelsAndCritiques, filtered))
                .containsExactly("ann=[a1[5, 3], a2[4]]", "bob=[b1[], b2[2, 1]]");
        assertThat(inLists(filtered)).containsExactly(false, true, true);
        assertThat(run(queries, Writer.objects.exclude("name", "ann").orderBy("name").prefetchRelated("novels"),
                WholeTablePrefetchTest::novels, excluded)).containsExactly("bob=[b1, b2]", "cyd=[]");
        assertThat(inLists(excluded)).containsExactly(false, true);
        assertThat(run(queries, Writer.objects.orderBy("name").limit(1).prefetchRelated("novels"),
                WholeTablePrefetchTest::novels, sliced)).containsExactly("ann=[a1, a2]");
        assertThat(inLists(sliced)).containsExactly(false, true);
    }

    @Test
    void rowsInsertedBetweenTheQueriesWhoseOwnerWasNotLoadedAreDropped(Quarry quarry, Queries queries) {
        rows();
        // After the writers are read (sorted by name, so the result is complete before the insert), a new
        // writer with a novel and a critique: the whole-table queries read them, and no loaded owner takes them.
        AtomicBoolean inserted = new AtomicBoolean();
        QueryListener insertAfterFirst = q -> {
            if (inserted.compareAndSet(false, true)) {
                Writer zed = Writer.make("zed");
                Critique.make(Novel.make("z1", zed), null, 9);
            }
        };
        List<ExecutedQuery> sent = new ArrayList<>();
        List<String> rows;
        quarry.addQueryListener(insertAfterFirst);
        try {
            rows = run(queries, Writer.objects.orderBy("name").prefetchRelated("novels__critique_set"),
                    WholeTablePrefetchTest::novelsAndCritiques, sent);
        } finally {
            quarry.removeQueryListener(insertAfterFirst);
        }
        assertThat(rows).containsExactly("ann=[a1[5, 3], a2[4]]", "bob=[b1[], b2[2, 1]]", "cyd=[]");
        List<ExecutedQuery> selects = sent.stream().filter(q -> q.sql().startsWith("SELECT")).toList();
        assertThat(inLists(selects)).containsExactly(false, false, false);
        // The rows were there to read: the IN-list form would not have asked for them either.
        assertThat(Critique.objects.filter("novel__writer__name", "zed").count()).isEqualTo(1);
    }

    @Test
    void aNullableKeyLeavesItsNullRowsOutAndTheNextLevelKeepsItsInList(Queries queries) {
        rows();
        Function<Writer, String> render = w -> w.name + "=" + w.related("sketches", Sketch.class).all().list().stream()
                .map(s -> s.title + s.related("critiques", Critique.class).all().list()).toList();
        List<ExecutedQuery> whole = new ArrayList<>();
        List<ExecutedQuery> in = new ArrayList<>();
        List<String> rows = run(queries, Writer.objects.orderBy("name").prefetchRelated("sketches__critiques"), render, whole);
        assertThat(rows).containsExactly("ann=[s1[5]]", "bob=[s3[2]]", "cyd=[]");
        // Sketches of no writer are not every sketch: the critiques are asked for by key.
        assertThat(inLists(whole)).containsExactly(false, false, true);
        assertThat(run(queries, Writer.objects.filter("id__gt", 0).orderBy("name").prefetchRelated("sketches__critiques"),
                render, in)).isEqualTo(rows);
        assertThat(inLists(in)).containsExactly(false, true, true);
    }

    @Test
    void aPrefetchQuerySetKeepsItsFiltersAndOrderingWithoutTheInList(Queries queries) {
        rows();
        List<ExecutedQuery> filtered = new ArrayList<>();
        List<String> rows = run(queries, Writer.objects.orderBy("name").prefetchRelated(
                Prefetch.of("novels", Novel.objects.filter("title__startswith", "a").orderBy("-title")).to("aNovels"),
                Prefetch.of("aNovels__critique_set")), w -> w.name + "=" + w.prefetched("aNovels", Novel.class).stream()
                .map(n -> n.title + n.related("critique_set", Critique.class).all().list()).toList(), filtered);
        assertThat(rows).containsExactly("ann=[a2[4], a1[5, 3]]", "bob=[]", "cyd=[]");
        // The filtered level is not every novel: its critiques are asked for by key.
        assertThat(inLists(filtered)).containsExactly(false, false, true);
        List<ExecutedQuery> ordered = new ArrayList<>();
        List<ExecutedQuery> nested = new ArrayList<>();
        assertThat(run(queries, Writer.objects.orderBy("name").prefetchRelated(Prefetch.of("novels",
                Novel.objects.orderBy("-title")), Prefetch.of("novels__critique_set")),
                WholeTablePrefetchTest::novelsAndCritiques, ordered))
                .containsExactly("ann=[a2[4], a1[5, 3]]", "bob=[b2[2, 1], b1[]]", "cyd=[]");
        assertThat(inLists(ordered)).containsExactly(false, false, false);
        assertThat(run(queries, Writer.objects.orderBy("name").prefetchRelated(Prefetch.of("novels",
                Novel.objects.orderBy("-title").prefetchRelated("critique_set"))),
                WholeTablePrefetchTest::novelsAndCritiques, nested))
                .containsExactly("ann=[a2[4], a1[5, 3]]", "bob=[b2[2, 1], b1[]]", "cyd=[]");
        assertThat(inLists(nested)).containsExactly(false, false, false);
    }

    /**
     * A level's default query has no ORDER BY (as Django's), so a database with no index order at hand does
     * not sort the whole table; each owner's rows are put in key order in Java, as first() and last() from
     * memory must match the database's. PostgreSQL writes an updated row anew, so after the update below a
     * plain scan reads a1 after the other novels; SQLite and MariaDB keep reading in key order.
     */
    @Test
    void eachOwnersRowsComeInKeyOrderWithoutAnOrderByEvenWhenTheTableIsNot(Quarry db, Queries queries) {
        rows();
        Novel.objects.filter("title", "a1").update(Map.of("title", "a1"));
        List<String> stored = Novel.objects.list().stream().map(n -> n.title).toList();
        if (db.vendor().equals("postgresql")) {
            assertThat(stored).containsExactly("a2", "b1", "b2", "a1");
        }
        for (QuerySet<Writer> main : List.of(Writer.objects.orderBy("name"), Writer.objects.filter("id__gt", 0).orderBy("name"))) {
            List<ExecutedQuery> sent = new ArrayList<>();
            assertThat(run(queries, main.prefetchRelated("novels__critique_set"), WholeTablePrefetchTest::novelsAndCritiques,
                    sent)).containsExactly("ann=[a1[5, 3], a2[4]]", "bob=[b1[], b2[2, 1]]", "cyd=[]");
            assertThat(sent).hasSize(3);
            assertThat(sent.subList(1, 3)).allSatisfy(q -> assertThat(q.sql()).doesNotContain("ORDER BY"));
            Writer ann = main.prefetchRelated("novels").first().orElseThrow();
            queries.assertNumQueries(0, () -> {
                assertThat(ann.related("novels", Novel.class).all().first().orElseThrow().title).isEqualTo("a1");
                assertThat(ann.related("novels", Novel.class).all().last().orElseThrow().title).isEqualTo("a2");
            });
        }
    }

    @Test
    void aSlicePerOwnerAndAForwardKeyKeepTheirInLists(Queries queries) {
        rows();
        List<ExecutedQuery> sliced = new ArrayList<>();
        assertThat(run(queries, Writer.objects.orderBy("name").prefetchRelated(
                Prefetch.of("novels", Novel.objects.orderBy("-title").limit(1)).to("last")),
                w -> w.name + "=" + w.prefetched("last", Novel.class), sliced))
                .containsExactly("ann=[a2]", "bob=[b2]", "cyd=[]");
        assertThat(inLists(sliced)).containsExactly(false, true);
        List<ExecutedQuery> forward = new ArrayList<>();
        assertThat(run(queries, Novel.objects.orderBy("title").prefetchRelated("writer"),
                n -> n.title + "=" + n.writer.get(), forward)).containsExactly("a1=ann", "a2=ann", "b1=bob", "b2=bob");
        assertThat(inLists(forward)).containsExactly(false, true);
    }

    @Test
    void aManyToManyFromEveryRowJoinsTheThroughTableWithoutAnInList(Queries queries) {
        rows();
        List<ExecutedQuery> forward = new ArrayList<>();
        List<ExecutedQuery> reverse = new ArrayList<>();
        List<ExecutedQuery> deeper = new ArrayList<>();
        List<ExecutedQuery> after = new ArrayList<>();
        List<ExecutedQuery> in = new ArrayList<>();
        assertThat(run(queries, Novel.objects.orderBy("title").prefetchRelated("genres"),
                n -> n.title + "=" + n.genres.all().list(), forward))
                .containsExactly("a1=[drama]", "a2=[drama, farce]", "b1=[]", "b2=[farce]");
        assertThat(inLists(forward)).containsExactly(false, false);
        Function<Genre, String> novelsOfGenre = g -> g.name + "=" + g.related("novels", Novel.class).all().list().stream()
                .map(n -> n.title + n.related("critique_set", Critique.class).all().list()).toList();
        List<String> rows = run(queries, Genre.objects.orderBy("name").prefetchRelated("novels__critique_set"), novelsOfGenre,
                reverse);
        assertThat(rows).containsExactly("drama=[a1[5, 3], a2[4]]", "farce=[a2[4], b2[2, 1]]", "verse=[]");
        // Novels of some genre are not every novel (b1 has none): their critiques are asked for by key.
        assertThat(inLists(reverse)).containsExactly(false, false, true);
        assertThat(run(queries, Genre.objects.filter("id__gt", 0).orderBy("name").prefetchRelated("novels__critique_set"),
                novelsOfGenre, in)).isEqualTo(rows);
        assertThat(inLists(in)).containsExactly(false, true, true);
        assertThat(run(queries, Writer.objects.orderBy("name").prefetchRelated("novels__genres"),
                w -> w.name + "=" + w.related("novels", Novel.class).all().list().stream()
                        .map(n -> n.title + n.genres.all().list()).toList(), deeper))
                .containsExactly("ann=[a1[drama], a2[drama, farce]]", "bob=[b1[], b2[farce]]", "cyd=[]");
        assertThat(inLists(deeper)).containsExactly(false, false, false);
        assertThat(run(queries, Novel.objects.orderBy("title").prefetchRelated("genres__novels"),
                n -> n.title + "=" + n.genres.all().list().stream()
                        .map(g -> g.name + g.related("novels", Novel.class).all().list()).toList(), after))
                .containsExactly("a1=[drama[a1, a2]]", "a2=[drama[a1, a2], farce[a2, b2]]", "b1=[]", "b2=[farce[a2, b2]]");
        assertThat(inLists(after)).containsExactly(false, false, true);
    }

    @Test
    void aMultiTableChildReachesItsParentsRelationThroughAnInList(Queries queries) {
        Venue hall = Venue.objects.create(v -> v.name = "hall");
        Cafe corner = Cafe.objects.create(Map.of("name", "corner", "seats", 10));
        Cafe.objects.create(Map.of("name", "kiosk", "seats", 2));
        for (Object[] visit : new Object[][] {{hall, 1}, {corner, 2}, {corner, 3}}) {
            Visit.objects.create(v -> {
                v.venue.set((Venue) visit[0]);
                v.day = (Integer) visit[1];
            });
        }
        List<ExecutedQuery> cafes = new ArrayList<>();
        List<ExecutedQuery> venues = new ArrayList<>();
        // Every cafe is only some of the venues the visits point at.
        assertThat(run(queries, Cafe.objects.orderBy("name").prefetchRelated("visits"),
                c -> c.name + "=" + c.related("visits", Visit.class).all().list(), cafes))
                .containsExactly("corner=[2, 3]", "kiosk=[]");
        assertThat(inLists(cafes)).containsExactly(false, true);
        assertThat(run(queries, Venue.objects.orderBy("name").prefetchRelated("visits"),
                v -> v.name + "=" + v.related("visits", Visit.class).all().list(), venues))
                .containsExactly("corner=[2, 3]", "hall=[1]", "kiosk=[]");
        assertThat(inLists(venues)).containsExactly(false, false);
    }
}
