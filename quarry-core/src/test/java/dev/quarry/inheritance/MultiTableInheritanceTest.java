package dev.quarry.inheritance;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.DoesNotExist;
import dev.quarry.QueryError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multi-table inheritance ({@code @Meta(multiTable = true)}): Restaurant extends Place with a table of its own
 * whose key place_ptr_id refers to Place's row; ItalianRestaurant extends Restaurant the same way. A child
 * query joins its parents (one query), filters and orders on their fields; a Place query returns Places whose
 * child is reached with {@code relatedOne("restaurant", ...)}; saving and deleting cover every table. Expected
 * values come from Django 3.2 on the same rows ({@code django_inheritance.py} beside this class).
 */
@QuarryTest(models = {City.class, Place.class, Restaurant.class, ItalianRestaurant.class, Review.class})
class MultiTableInheritanceTest {

    /** Django's rows: park (a plain Place), luigi and burger (Restaurants), mario (an ItalianRestaurant); 4 reviews. */
    private static void rows() {
        Place.objects.create(Map.of("name", "park", "address", "1 Main"));
        Restaurant.objects.create(Map.of("name", "luigi", "address", "2 Main", "servesPizza", true, "seats", 40));
        ItalianRestaurant.objects.create(Map.of("name", "mario", "address", "3 Main", "servesPizza", true, "seats", 20,
                "woodOven", true));
        Restaurant.objects.create(Map.of("name", "burger", "address", "4 Main", "seats", 60));
        for (Object[] r : new Object[][] {{"park", 3}, {"luigi", 5}, {"luigi", 4}, {"mario", 5}}) {
            Review.objects.create(Map.of("place", Place.objects.get("name", r[0]), "stars", r[1]));
        }
    }

    @Test
    void creatingAChildInsertsItsParentsRowsFirst(Queries queries) {
        // Django: Restaurant.objects.create(...) -> INSERT place, INSERT restaurant (and a BEGIN its SQLite log shows).
        Restaurant luigi = queries.assertNumQueries(2, () -> Restaurant.objects.create(Map.of("name", "luigi",
                "address", "2 Main", "servesPizza", true, "seats", 40)));
        assertThat(luigi.pk()).isEqualTo(luigi.id).isNotNull();
        // Django: ItalianRestaurant.objects.create(...) -> three INSERTs, one per table.
        ItalianRestaurant mario = queries.assertNumQueries(3, () -> ItalianRestaurant.objects.create(Map.of("name", "mario",
                "address", "3 Main", "seats", 20, "woodOven", true)));
        assertThat(Place.objects.count()).isEqualTo(2);
        assertThat(Restaurant.objects.count()).isEqualTo(2);
        assertThat(ItalianRestaurant.objects.get("pk", mario.pk()).name).isEqualTo("mario");
    }

    @Test
    void aChildQueryJoinsItsParentInOneQuery(Queries queries) {
        rows();
        // Django: [(r.name, r.address, r.serves_pizza, r.seats) for r in Restaurant.objects.order_by('name')], 1 query.
        var all = queries.assertNumQueries(1, () -> Restaurant.objects.orderBy("name").list());
        assertThat(all).extracting(r -> r.name, r -> r.address, r -> r.servesPizza, r -> r.seats).containsExactly(
                tuple("burger", "4 Main", false, 60), tuple("luigi", "2 Main", true, 40), tuple("mario", "3 Main", true, 20));
        // Django: ItalianRestaurant.objects.all() -> [('mario', 20, True)], 1 query over three tables.
        var italian = queries.assertNumQueries(1, () -> ItalianRestaurant.objects.all().list());
        assertThat(italian).extracting(r -> r.name, r -> r.seats, r -> r.woodOven).containsExactly(tuple("mario", 20, true));
        assertThat(Restaurant.objects.count()).isEqualTo(3);
    }

    @Test
    void aChildFiltersAndOrdersOnItsParentsFields(Queries queries) {
        rows();
        // Django: Restaurant.objects.filter(name='luigi') -> seats [40].
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.filter("name", "luigi").list())
                .extracting(r -> r.seats).containsExactly(40));
        // Django: filter(address__startswith='2', serves_pizza=True) -> ['luigi'].
        assertThat(Restaurant.objects.filter("address__startswith", "2").filter("serves_pizza", true).list())
                .extracting(r -> r.name).containsExactly("luigi");
        // Django: order_by('-seats') -> burger, luigi, mario.
        assertThat(Restaurant.objects.orderBy("-seats").list()).extracting(r -> r.name)
                .containsExactly("burger", "luigi", "mario");
        // Django: the parent's reverse relations too: filter(reviews__stars=5) -> ['luigi', 'mario'].
        assertThat(Restaurant.objects.filter("reviews__stars", 5).orderBy("name").list()).extracting(r -> r.name)
                .containsExactly("luigi", "mario");
        // Django: annotate(n=Count('reviews')) -> burger 0, luigi 2, mario 1.
        assertThat(Restaurant.objects.annotate("n", count("reviews")).orderBy("name").list())
                .extracting(r -> r.name, r -> r.annotation("n", Long.class).intValue())
                .containsExactly(tuple("burger", 0), tuple("luigi", 2), tuple("mario", 1));
    }

    @Test
    void valuesReachTheParentsColumns(Queries queries) {
        rows();
        // Django: values('name', 'seats') ordered by name.
        assertThat(queries.assertNumQueries(1, () -> Restaurant.objects.orderBy("name").values("name", "seats").list()))
                .containsExactly(Map.of("name", "burger", "seats", 60), Map.of("name", "luigi", "seats", 40),
                        Map.of("name", "mario", "seats", 20));
        // Django: values() -> id, name, address, city_id, place_ptr_id, serves_pizza, seats: the parent's fields first.
        Map<String, Object> luigi = Restaurant.objects.filter("name", "luigi").values().first().orElseThrow();
        assertThat(luigi.keySet()).containsExactly("id", "name", "address", "city_id", "place_ptr_id", "serves_pizza", "seats");
        assertThat(luigi.get("place_ptr_id")).isEqualTo(luigi.get("id"));
    }

    @Test
    void theParentQueryReturnsParentsWithTheChildOnTheReverseSide(Queries queries) {
        rows();
        // Django: Place.objects.order_by('name') gives four Place instances (never Restaurants).
        assertThat(Place.objects.orderBy("name").list()).extracting(p -> p.getClass().getSimpleName())
                .containsOnly("Place").hasSize(4);
        // Django: Place.objects.get(name='luigi').restaurant.seats -> 40, 2 queries.
        queries.assertNumQueries(2, () -> assertThat(Place.objects.get("name", "luigi")
                .relatedOne("restaurant", Restaurant.class).seats).isEqualTo(40));
        // Django: park.restaurant -> Restaurant.DoesNotExist 'Place has no restaurant.'
        Place park = Place.objects.get("name", "park");
        assertThatThrownBy(() -> park.relatedOne("restaurant", Restaurant.class)).isInstanceOf(DoesNotExist.class)
                .hasMessageContaining("Place has no restaurant");
        // Django: Place.objects.get(name='mario').restaurant.italianrestaurant.wood_oven -> True, 3 queries.
        queries.assertNumQueries(3, () -> assertThat(Place.objects.get("name", "mario").relatedOne("restaurant", Restaurant.class)
                .relatedOne("italianrestaurant", ItalianRestaurant.class).woodOven).isTrue());
        // Django: filter(restaurant__serves_pizza=True) -> luigi, mario; filter(restaurant__isnull=True) -> park.
        assertThat(Place.objects.filter("restaurant__serves_pizza", true).orderBy("name").list()).extracting(p -> p.name)
                .containsExactly("luigi", "mario");
        assertThat(Place.objects.filter("restaurant__isnull", true).list()).extracting(p -> p.name).containsExactly("park");
    }

    @Test
    void selectRelatedAndPrefetchRelatedCrossTheParentLink(Queries queries) {
        rows();
        // Django: select_related('restaurant').filter(restaurant__isnull=False) -> burger 60, luigi 40, mario 20, 1 query.
        queries.assertNumQueries(1, () -> assertThat(Place.objects.selectRelated("restaurant")
                .filter("restaurant__isnull", false).orderBy("name").list())
                .extracting(p -> p.name, p -> p.relatedOne("restaurant", Restaurant.class).seats)
                .containsExactly(tuple("burger", 60), tuple("luigi", 40), tuple("mario", 20)));
        // Django: prefetch_related('restaurant') -> 2 queries; park has none.
        queries.assertNumQueries(2, () -> {
            List<Object> seats = Place.objects.prefetchRelated("restaurant").orderBy("name").list().stream()
                    .map(p -> {
                        try {
                            return (Object) p.relatedOne("restaurant", Restaurant.class).seats;
                        } catch (DoesNotExist e) {
                            return "none";
                        }
                    }).toList();
            assertThat(seats).containsExactly(60, 40, 20, "none");
        });
        // Django: Review.objects.select_related('place') -> place names, 1 query.
        queries.assertNumQueries(1, () -> assertThat(Review.objects.selectRelated("place").orderBy("id").list())
                .extracting(r -> r.place.get().name, r -> r.stars)
                .containsExactly(tuple("park", 3), tuple("luigi", 5), tuple("luigi", 4), tuple("mario", 5)));
    }

    @Test
    void aChildHasItsParentsRelations(Queries queries) {
        rows();
        // Django: Restaurant.objects.get(name='luigi').reviews.order_by('id') -> [5, 4], 2 queries.
        queries.assertNumQueries(2, () -> assertThat(Restaurant.objects.get("name", "luigi")
                .related("reviews", Review.class).all().orderBy("id").list()).extracting(r -> r.stars).containsExactly(5, 4));
        // Django: prefetch_related('reviews') on Restaurants -> burger [], luigi [5, 4], mario [5]; 2 queries.
        queries.assertNumQueries(2, () -> assertThat(Restaurant.objects.prefetchRelated("reviews").orderBy("name").list())
                .extracting(r -> r.name, r -> r.related("reviews", Review.class).all().list().stream().map(x -> x.stars).toList())
                .containsExactly(tuple("burger", List.of()), tuple("luigi", List.of(5, 4)), tuple("mario", List.of(5))));
    }

    @Test
    void anUpdateSettingParentFieldsWritesEachTable(Queries queries) {
        rows();
        // Django: filter(seats__gt=30).update(address='big', seats=61) -> 2: SELECT the keys, UPDATE restaurant, UPDATE place.
        assertThat(queries.assertNumQueries(3, () -> Restaurant.objects.filter("seats__gt", 30)
                .update(Map.of("address", "big", "seats", 61)))).isEqualTo(2);
        assertThat(Restaurant.objects.orderBy("name").valuesList("name", "address", "seats").list()).containsExactly(
                List.of("burger", "big", 61), List.of("luigi", "big", 61), List.of("mario", "3 Main", 20));
        // Only the child's own fields: one UPDATE, as before.
        assertThat(queries.assertNumQueries(1, () -> Restaurant.objects.filter("seats", 20).update("seats", 21))).isEqualTo(1);
    }

    @Test
    void selectRelatedFollowsAForeignKeyOfTheParent(Queries queries) {
        rows();
        City rome = City.objects.create(Map.of("name", "rome"));
        Place.objects.filter("name__in", List.of("luigi", "mario")).update("city", rome);
        // Django: Restaurant.objects.select_related('city').order_by('name') -> burger None, luigi rome, mario rome; 1 query.
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.selectRelated("city").orderBy("name").list())
                .extracting(r -> r.name, r -> r.city.get() == null ? null : r.city.get().name)
                .containsExactly(tuple("burger", null), tuple("luigi", "rome"), tuple("mario", "rome")));
        // Django: filter(city__name='rome') on ItalianRestaurant -> ['mario'].
        assertThat(ItalianRestaurant.objects.filter("city__name", "rome").list()).extracting(r -> r.name).containsExactly("mario");
    }

    @Test
    void savingAnExistingChildUpdatesEveryTable(Queries queries) {
        rows();
        Restaurant burger = Restaurant.objects.get("name", "burger");
        burger.seats = 65;
        burger.address = "4b Main";
        // Django: r.save() -> UPDATE place, UPDATE restaurant (and a BEGIN).
        queries.assertNumQueries(2, burger::save);
        assertThat(Restaurant.objects.filter("name", "burger").values("address", "seats").list())
                .containsExactly(Map.of("address", "4b Main", "seats", 65));
        burger.name = "burger2";
        queries.assertNumQueries(1, () -> burger.saveOnly("name"));
        assertThat(Place.objects.filter("name", "burger2").count()).isEqualTo(1);
        // Django: refresh_from_db(fields=['name', 'seats']) reads the parent's field and the child's, 1 query.
        Place.objects.filter("name", "burger2").update("name", "burger3");
        burger.seats = 1;
        queries.assertNumQueries(1, () -> burger.refreshOnly("name", "seats"));
        assertThat(burger.name).isEqualTo("burger3");
        assertThat(burger.seats).isEqualTo(65);
    }

    @Test
    void deletingAChildDeletesItsParentsRowsAndWhatCascades(Queries queries) {
        rows();
        Restaurant luigi = Restaurant.objects.get("name", "luigi");
        // Django: r.delete() -> (4, {'Review': 2, 'Restaurant': 1, 'Place': 1}).
        assertThat(luigi.delete()).isEqualTo(Map.of("Review", 2, "Restaurant", 1, "Place", 1));
        assertThat(Place.objects.orderBy("name").list()).extracting(p -> p.name).containsExactly("burger", "mario", "park");
        assertThat(Review.objects.count()).isEqualTo(2);
        // Django: deleting mario's Place -> {'Review': 1, 'ItalianRestaurant': 1, 'Restaurant': 1, 'Place': 1}.
        assertThat(Place.objects.get("name", "mario").delete())
                .isEqualTo(Map.of("Review", 1, "ItalianRestaurant", 1, "Restaurant", 1, "Place", 1));
        // Django: Restaurant.objects.filter(name='burger').delete() -> {'Restaurant': 1, 'Place': 1}.
        assertThat(Restaurant.objects.filter("name", "burger").delete()).isEqualTo(Map.of("Restaurant", 1, "Place", 1));
        assertThat(Place.objects.orderBy("name").list()).extracting(p -> p.name).containsExactly("park");
        assertThat(Restaurant.objects.count()).isZero();
    }

    @Test
    void bulkCreateOfAChildIsRefusedAsInDjango(Queries queries) {
        // Django: ValueError "Can't bulk create a multi-table inherited model".
        Restaurant r = new Restaurant();
        r.name = "x";
        r.address = "y";
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.bulkCreate(List.of(r)))
                .isInstanceOf(QueryError.class).hasMessageContaining("Can't bulk create a multi-table inherited model")
                .hasMessageContaining("Restaurant"));
        assertThat(new LinkedHashMap<>(Map.of()).isEmpty()).isTrue();
    }
}
