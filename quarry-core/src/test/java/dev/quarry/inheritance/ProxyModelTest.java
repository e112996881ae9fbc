package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A proxy model ({@code @Meta(proxy = true)}): PlaceByName reads and writes Place's table, returns its own
 * instances with its own default ordering and methods, and shares Place's relations. Expected values come
 * from Django 3.2 on the same rows ({@code django_inheritance.py} beside this class).
 */
@QuarryTest(models = {City.class, Place.class, PlaceByName.class, Restaurant.class, Review.class})
class ProxyModelTest {

    /** Django's rows at the proxy step: park (review 3) and burger (a Restaurant), created in that order. */
    private static void rows() {
        Place park = Place.objects.create(Map.of("name", "park", "address", "1 Main"));
        Restaurant.objects.create(Map.of("name", "burger", "address", "4 Main", "seats", 60));
        Review.objects.create(Map.of("place", park, "stars", 3));
    }

    @Test
    void aProxyQueryReturnsProxyInstancesInItsOwnOrdering(Queries queries) {
        rows();
        // Django: [(type(p).__name__, p.shout()) for p in PlaceByName.objects.all()] -> PlaceByName BURGER, PARK; 1 query.
        queries.assertNumQueries(1, () -> assertThat(PlaceByName.objects.all().list())
                .extracting(p -> p.getClass().getSimpleName(), PlaceByName::shout)
                .containsExactly(org.assertj.core.api.Assertions.tuple("PlaceByName", "BURGER"),
                        org.assertj.core.api.Assertions.tuple("PlaceByName", "PARK")));
        // Django: Place.objects.all() keeps Place's own (no) ordering: park, burger (by key on these rows).
        assertThat(Place.objects.orderBy("id").list()).extracting(p -> p.name).containsExactly("park", "burger");
    }

    @Test
    void aProxyWritesItsConcreteModelsTable(Queries queries) {
        rows();
        // Django: PlaceByName.objects.create(name='zoo', ...) -> 1 query; Place.objects.count() -> 3.
        PlaceByName zoo = queries.assertNumQueries(1, () -> PlaceByName.objects.create(Map.of("name", "zoo", "address", "9 Main")));
        assertThat(Place.objects.count()).isEqualTo(3);
        assertThat(Place.objects.get("pk", zoo.pk()).name).isEqualTo("zoo");
        zoo.address = "10 Main";
        queries.assertNumQueries(1, zoo::save);
        assertThat(Place.objects.get("name", "zoo").address).isEqualTo("10 Main");
    }

    @Test
    void aProxySharesItsConcreteModelsRelations() {
        rows();
        // Django: PlaceByName.objects.filter(reviews__stars__gte=3) -> ['park'];
        // filter(restaurant__isnull=False) -> ['burger'].
        assertThat(PlaceByName.objects.filter("reviews__stars__gte", 3).list()).extracting(p -> p.name).containsExactly("park");
        assertThat(PlaceByName.objects.filter("restaurant__isnull", false).list()).extracting(p -> p.name)
                .containsExactly("burger");
        PlaceByName park = PlaceByName.objects.get("name", "park");
        assertThat(park.related("reviews", Review.class).all().list()).extracting(r -> r.stars).containsExactly(3);
    }

    @Test
    void aProxyInstanceEqualsItsConcreteModelsInstanceButAChildDoesNotEqualItsParent() {
        rows();
        // Django: PlaceByName 'burger' == Place 'burger' -> True; Restaurant 'burger' == Place 'burger' -> False.
        assertThat(PlaceByName.objects.get("name", "burger")).isEqualTo(Place.objects.get("name", "burger"))
                .hasSameHashCodeAs(Place.objects.get("name", "burger"));
        assertThat(Restaurant.objects.get("name", "burger")).isNotEqualTo(Place.objects.get("name", "burger"));
    }

    @Test
    void deletingThroughAProxyCountsUnderTheProxysName() {
        rows();
        PlaceByName.objects.create(Map.of("name", "zoo", "address", "9 Main"));
        // Django: PlaceByName.objects.filter(name='zoo').delete() -> {'lib.PlaceByName': 1}.
        assertThat(PlaceByName.objects.filter("name", "zoo").delete()).isEqualTo(Map.of("PlaceByName", 1));
        // Django: PlaceByName.objects.get(name='park').delete() -> {'lib.Review': 1, 'lib.PlaceByName': 1}.
        assertThat(PlaceByName.objects.get("name", "park").delete()).isEqualTo(Map.of("Review", 1, "PlaceByName", 1));
        assertThat(Place.objects.list()).extracting(p -> p.name).containsExactly("burger");
    }
}
