package dev.quarry.compiledqueries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.test.Committing;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Paging through a listing page by page ({@code offset(n)}, {@code limit(n)}, {@code slice(a, b)}:
 * each number is part of its step's shape) keeps about 16 page shapes after one query and builds the
 * other pages the usual way, so a long listing cannot use up the registry's 4,096 shapes and leave
 * other queries without theirs. Every page still has its rows, also when 16 threads page one shared
 * base (whose tree is built once a page past the kept shapes needs it, and then kept on its plan).
 */
@QuarryTest(models = {Maker.class, Part.class})
class PagingShapesTest {
    private final List<Maker> makers = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    private static QuerySet<Part> listing() {
        return Part.objects.filter("weight__gte", 0).orderBy("name");
    }

    @Test
    void everyPageHasItsRowsPastTheShapesKept(Queries queries) {
        Catalog.seed(makers, parts);
        for (int page = 0; page < 40; page++) {
            int p = page;
            List<String> offset = queries.assertNumQueries(1, () -> listing().offset(p).limit(1).list())
                    .stream().map(x -> x.name).toList();
            List<String> sliced = queries.assertNumQueries(1, () -> listing().slice(p, p + 1).list())
                    .stream().map(x -> x.name).toList();
            List<String> expected = p < parts.size() ? List.of(parts.get(p).name) : List.of();
            assertThat(offset).as("offset " + p).isEqualTo(expected);
            assertThat(sliced).as("slice " + p).isEqualTo(expected);
        }
    }

    @Test
    void fiveThousandPagesLeaveRoomForOtherShapes(Queries queries) {
        Catalog.seed(makers, parts);
        for (int page = 0; page < 5_000; page++) {
            assertThat(listing().offset(page + 1).sql().text()).contains(Integer.toString(page + 1));
            assertThat(listing().limit(page + 1).sql().text()).contains(Integer.toString(page + 1));
        }
        // Shapes this registry has not seen still find room: a query built on a shaped query a second time is
        // remembered, and given back, only when it has a shape of its own (RepeatedChainsTest).
        QuerySet<Maker> base = Maker.objects.filter("rank__lte", 1);
        QuerySet<Maker> first = base.orderBy("-rank");
        QuerySet<Maker> second = base.orderBy("-rank");
        assertThat(base.orderBy("-rank")).isSameAs(second);
        assertThat(queries.assertNumQueries(1, second::list)).extracting(m -> m.name).containsExactly("b", "a");
        assertThat(first.sql()).isEqualTo(second.sql());
    }

    @Test
    @Committing
    void sixteenThreadsPagingOneSharedBasePastItsShapesEachGetTheirPage(Quarry quarry) throws Exception {
        Catalog.seed(makers, parts);
        // One base shared by the threads (the installed Quarry is this thread's), as a service keeps one.
        QuerySet<Part> base = Part.objects.using(quarry).filter("weight__gte", 0).orderBy("name");
        List<String> wrong = SixteenThreads.run(40, (thread, round) -> {
            int p = (thread * 7 + round) % 40;
            List<String> got = base.offset(p).limit(1).list().stream().map(x -> x.name).toList();
            List<String> expected = p < parts.size() ? List.of(parts.get(p).name) : List.of();
            return got.equals(expected) ? null : "thread " + thread + " page " + p + ": " + got;
        });
        assertThat(wrong).isEmpty();
    }
}
