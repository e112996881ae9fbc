package dev.quarry.example.stores;

import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.Q;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Typed paths across multi-table inheritance ({@code Kiosk extends Store}, {@code @Meta(multiTable = true)}): the
 * generated {@code Store_.kiosk} (the reverse one-to-one of the parent link), {@code Kiosk_.storePtr} (the parent
 * link) and {@code Kiosk_.sales} (a reverse side of the parent) run the SQL of their lookup strings, in as many
 * queries, and return the rows Django 3.2 returns for the same query on the same rows
 * ({@code django_stores.py} beside this class prints them).
 */
@QuarryTest(models = {Store.class, Kiosk.class, Sale.class})
class TypedMultiTableTest {

    /** market (a plain Store), north (an open Kiosk), south (a closed one); sales north 5 and 12, market 7, south 20. */
    private static void rows() {
        Store market = Store.objects.create(s -> s.name = "market");
        Kiosk north = Kiosk.objects.create(k -> {
            k.name = "north";
            k.open = true;
        });
        Kiosk south = Kiosk.objects.create(k -> k.name = "south");
        for (Object[] s : new Object[][] {{north, 5}, {north, 12}, {market, 7}, {south, 20}}) {
            Sale.objects.create(sale -> {
                sale.store.set((Store) s[0]);
                sale.amount = (Integer) s[1];
            });
        }
    }

    /**
     * Runs both forms, each in {@code count} queries, and returns the typed form's result after checking that the
     * string form ran the same statements and gave the same result.
     */
    private static <T> T same(Queries queries, int count, Supplier<T> typed, Supplier<T> strings) {
        List<T> results = new ArrayList<>();
        List<String> typedSql = sql(queries.assertNumQueries(count, () -> {
            results.add(typed.get());
        }));
        List<String> stringSql = sql(queries.assertNumQueries(count, () -> {
            results.add(strings.get());
        }));
        assertThat(typedSql).isEqualTo(stringSql);
        assertThat(results.get(0)).isEqualTo(results.get(1));
        return results.get(0);
    }

    private static List<String> sql(List<ExecutedQuery> executed) {
        return executed.stream().map(ExecutedQuery::sql).toList();
    }

    @Test
    void theParentFiltersOnItsChildThroughTheReverseOneToOne(Queries queries) {
        rows();
        assertThat(Store_.kiosk.open.eq(true)).isEqualTo(Q.of("kiosk__open", true));
        // Django: Store.objects.filter(kiosk__open=True) -> ['north'], 1 query.
        assertThat(same(queries, 1, () -> names(Store.objects.filter(Store_.kiosk.open.eq(true)).list()),
                () -> names(Store.objects.filter("kiosk__open", true).list()))).containsExactly("north");
        // Django: Store.objects.filter(kiosk__isnull=True) -> ['market'], 1 query.
        assertThat(same(queries, 1, () -> names(Store.objects.filter(Store_.kiosk.isNull(true)).list()),
                () -> names(Store.objects.filter("kiosk__isnull", true).list()))).containsExactly("market");
        // Django: Sale.objects.filter(store__kiosk__open=False) -> [20], 1 query.
        assertThat(same(queries, 1, () -> amounts(Sale.objects.filter(Sale_.store.kiosk.open.isFalse()).list()),
                () -> amounts(Sale.objects.filter("store__kiosk__open", false).list()))).containsExactly(20);
    }

    @Test
    void theChildFiltersThroughItsParentLinkAndItsParentsReverseSides(Queries queries) {
        rows();
        // Django: Kiosk.objects.filter(store_ptr__name__startswith='n') -> ['north'], 1 query.
        assertThat(same(queries, 1, () -> names(Kiosk.objects.filter(Kiosk_.storePtr.name.startsWith("n")).list()),
                () -> names(Kiosk.objects.filter("store_ptr__name__startswith", "n").list()))).containsExactly("north");
        // Django: Kiosk.objects.filter(sales__amount__gt=10).order_by('name') -> ['north', 'south'], 1 query.
        assertThat(same(queries, 1,
                () -> names(Kiosk.objects.filter(Kiosk_.sales.amount.gt(10)).orderBy(Kiosk_.name.asc()).list()),
                () -> names(Kiosk.objects.filter("sales__amount__gt", 10).orderBy("name").list())))
                .containsExactly("north", "south");
        // Django: Kiosk.objects.annotate(total=Sum('sales__amount')).order_by('-total') -> south 20, north 17.
        // (Each row as text: a SUM is a Long on some backends, an Integer on others.)
        assertThat(same(queries, 1,
                () -> text(Kiosk.objects.annotate("total", Kiosk_.sales.amount.sum()).orderBy("-total")
                        .valuesList("name", "total").list()),
                () -> text(Kiosk.objects.annotate("total", sum("sales__amount")).orderBy("-total")
                        .valuesList("name", "total").list())))
                .containsExactly("[south, 20]", "[north, 17]");
        // Django: Kiosk.objects.order_by('name').values_list('store_ptr__name', 'open') -> north True, south False.
        assertThat(same(queries, 1,
                () -> Kiosk.objects.orderBy(Kiosk_.name.asc()).valuesList(Kiosk_.storePtr.name, Kiosk_.open).list(),
                () -> Kiosk.objects.orderBy("name").valuesList("store_ptr__name", "open").list()))
                .containsExactly(List.of("north", true), List.of("south", false));
    }

    @Test
    void typedRelationsLoadAsTheirAccessorStrings(Queries queries) {
        rows();
        // Django: Store.objects.select_related('kiosk').order_by('name') -> market None, north True, south False, 1 query.
        assertThat(same(queries, 1, () -> kioskOpen(Store.objects.selectRelated(Store_.kiosk).orderBy("name").list()),
                () -> kioskOpen(Store.objects.selectRelated("kiosk").orderBy("name").list())))
                .containsExactly("market -", "north true", "south false");
        // Django: Kiosk.objects.prefetch_related('sales').order_by('name') -> north [5, 12], south [20], 2 queries.
        assertThat(same(queries, 2, () -> sales(Kiosk.objects.prefetchRelated(Kiosk_.sales).orderBy("name").list()),
                () -> sales(Kiosk.objects.prefetchRelated("sales").orderBy("name").list())))
                .containsExactly("north [5, 12]", "south [20]");
    }

    @Test
    void aKioskSelectsItsParentLinkButNotItsParentsSideOfIt(Queries queries) {
        rows();
        // Django: Kiosk.objects.select_related('store_ptr').order_by('name') -> north, south, 1 query with no join
        // besides the parent's (the Store columns are read into the Kiosk).
        assertThat(same(queries, 1, () -> names(Kiosk.objects.selectRelated(Kiosk_.storePtr).orderBy("name").list()),
                () -> names(Kiosk.objects.selectRelated("store_ptr").orderBy("name").list()))).containsExactly("north", "south");
        // Django: Kiosk.objects.filter(kiosk__open=True) -> FieldError "Cannot resolve keyword 'kiosk' into field.
        // Choices are: id, name, open, sales, store_ptr, store_ptr_id" (Kiosk_ has no member 'kiosk' either).
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Kiosk.objects.filter("kiosk__open", true).count())
                .isInstanceOf(FieldError.class).hasMessageContaining("Cannot resolve keyword 'kiosk' into field")
                .hasMessageContaining("Choices are: id, name, open, sales, store_ptr, store_ptr_id"));
    }

    private static List<String> names(List<? extends Store> stores) {
        return stores.stream().map(s -> s.name).toList();
    }

    private static List<String> text(List<List<Object>> rows) {
        return rows.stream().map(String::valueOf).toList();
    }

    private static List<Integer> amounts(List<Sale> sales) {
        return sales.stream().map(s -> s.amount).toList();
    }

    /** Each store's name and its kiosk's {@code open}, read from what selectRelated loaded ({@code -} for none). */
    private static List<String> kioskOpen(List<Store> stores) {
        List<String> out = new ArrayList<>();
        for (Store s : stores) {
            String open;
            try {
                open = String.valueOf(s.relatedOne("kiosk", Kiosk.class).open);
            } catch (DoesNotExist e) {
                open = "-";
            }
            out.add(s.name + " " + open);
        }
        return out;
    }

    /** Each kiosk's name and its sales' amounts, read from what prefetchRelated loaded. */
    private static List<String> sales(List<Kiosk> kiosks) {
        return kiosks.stream().map(k -> k.name + " " + k.related("sales", Sale.class).all().list().stream().map(s -> s.amount)
                .sorted().toList()).toList();
    }
}
