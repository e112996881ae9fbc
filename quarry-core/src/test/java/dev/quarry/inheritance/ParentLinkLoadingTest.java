package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.FieldError;
import dev.quarry.Prefetch;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code selectRelated} and {@code prefetchRelated} of a multi-table child's parent link ({@code place_ptr}), which
 * Django 3.2 accepts: they add no join and no query, because a child query already reads its parents' columns into
 * the child (a Restaurant holds Place's name), and a path going on past the link goes on from the child. Expected
 * values come from Django on the same rows ({@code django_inheritance.py} beside this class).
 */
@QuarryTest(models = {City.class, Place.class, Restaurant.class, ItalianRestaurant.class, Review.class})
class ParentLinkLoadingTest {

    /** park (a Place), luigi (a Restaurant in rome, reviews 5 and 4) and mario (an ItalianRestaurant, no city, review 5). */
    private static void rows() {
        City rome = City.objects.create(Map.of("name", "rome"));
        Place park = Place.objects.create(Map.of("name", "park", "address", "1 Main"));
        Restaurant luigi = Restaurant.objects.create(Map.of("name", "luigi", "address", "2 Main", "servesPizza", true,
                "seats", 40, "city", rome));
        ItalianRestaurant mario = ItalianRestaurant.objects.create(Map.of("name", "mario", "address", "3 Main",
                "servesPizza", true, "seats", 20, "woodOven", true));
        for (Object[] r : new Object[][] {{park, 3}, {luigi, 5}, {luigi, 4}, {mario, 5}}) {
            Review.objects.create(Map.of("place", r[0], "stars", r[1]));
        }
    }

    @Test
    void selectRelatedOfTheParentLinkLoadsTheParentsColumnsInOneQuery(Queries queries) {
        rows();
        // Django: Restaurant.objects.select_related('place_ptr').order_by('name') -> luigi, mario with the Place's
        // name and key; 1 query, the same SELECT as without select_related (restaurant INNER JOIN place).
        Object luigi = Place.objects.get("name", "luigi").pk();
        Object mario = Place.objects.get("name", "mario").pk();
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.selectRelated("place_ptr").orderBy("name").list())
                .extracting(r -> r.name, r -> r.address, r -> r.seats, r -> r.pk())
                .containsExactly(tuple("luigi", "2 Main", 40, luigi), tuple("mario", "3 Main", 20, mario)));
        assertThat(Restaurant.objects.selectRelated("place_ptr").sql()).isEqualTo(Restaurant.objects.all().sql());
    }

    @Test
    void aGrandchildSelectsEitherParentLink(Queries queries) {
        rows();
        // Django: ItalianRestaurant.objects.select_related('restaurant_ptr'), ('restaurant_ptr__place_ptr') and
        // ('place_ptr') -> [('mario', 20)] each, 1 query over the three tables.
        for (String path : new String[] {"restaurant_ptr", "restaurant_ptr__place_ptr", "place_ptr"}) {
            queries.assertNumQueries(1, () -> assertThat(ItalianRestaurant.objects.selectRelated(path).list())
                    .as(path).extracting(r -> r.name, r -> r.seats, r -> r.woodOven).containsExactly(tuple("mario", 20, true)));
        }
    }

    @Test
    void aRelationAfterTheParentLinkIsFollowedFromTheParent(Queries queries) {
        rows();
        // Django: select_related('place_ptr__city') -> luigi rome, mario None, in 2 queries (3 on the script's rows,
        // where two restaurants are in rome): Django stops at a parent link and reads each city with a query of its own. Quarry follows 'city' from the parent, as
        // select_related('city') does (1 query in Django too): the same rows in 1 query.
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.selectRelated("place_ptr__city").orderBy("name").list())
                .extracting(r -> r.name, r -> r.city.get() == null ? null : r.city.get().name)
                .containsExactly(tuple("luigi", "rome"), tuple("mario", null)));
        // Django accepts select_related('place_ptr__bogus') without a word (it stops at the link); Quarry names the
        // bad name, as for selectRelated("bogus") on Place (Django: "Choices are: city, restaurant").
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.selectRelated("place_ptr__bogus").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Invalid field name 'bogus' in selectRelated")
                .hasMessageContaining("Choices are: city, restaurant"));
    }

    @Test
    void prefetchRelatedOfTheParentLinkGoesOnFromTheChild(Queries queries) {
        rows();
        // Django: Restaurant.objects.prefetch_related('place_ptr').order_by('name') -> luigi, mario, in 2 queries (it
        // reads the Place rows again into r.place_ptr). Here the parent's row is the Restaurant's own: 1 query.
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.prefetchRelated("place_ptr").orderBy("name").list())
                .extracting(r -> r.name, r -> r.address).containsExactly(tuple("luigi", "2 Main"), tuple("mario", "3 Main")));
        queries.assertNumQueries(1, () -> assertThat(ItalianRestaurant.objects.prefetchRelated("place_ptr").list())
                .extracting(r -> r.name).containsExactly("mario"));
        // Django: prefetch_related('place_ptr__reviews') -> luigi [5, 4], mario [5] in 3 queries, kept on r.place_ptr.
        // Here the reviews are kept on the Restaurant, as prefetchRelated("reviews") keeps them: 2 queries in all.
        queries.assertNumQueries(2, () -> assertThat(Restaurant.objects.prefetchRelated("place_ptr__reviews").orderBy("name")
                .list()).extracting(r -> r.name, r -> r.related("reviews", Review.class).all().list().stream()
                        .map(x -> x.stars).sorted().toList())
                .containsExactly(tuple("luigi", List.of(4, 5)), tuple("mario", List.of(5))));
        // A name past the link is one of the parent's: Place has no 'bogus', refused before the main query.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.prefetchRelated("place_ptr__bogus").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Cannot find 'bogus' on Place"));
        // No Place rows are read, so a Prefetch of the link itself has no queryset to run nor rows to keep under a
        // name: refused where the QuerySet is built, before any SQL (Django would read the Place rows through it).
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.prefetchRelated(
                Prefetch.of("place_ptr", Place.objects.filter("name", "luigi")))).isInstanceOf(FieldError.class)
                .hasMessageContaining("'place_ptr' is the parent link").hasMessageContaining("no queryset and no to(...)"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.prefetchRelated(
                Prefetch.of("place_ptr").to("place"))).isInstanceOf(FieldError.class)
                .hasMessageContaining("'place_ptr' is the parent link"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> ItalianRestaurant.objects.prefetchRelated(
                Prefetch.of("restaurant_ptr__place_ptr", Place.objects.all()))).isInstanceOf(FieldError.class)
                .hasMessageContaining("'place_ptr' is the parent link"));
    }

    @Test
    void aForeignKeyTheParentDeclaresIsPrefetchedFromTheChild(Queries queries) {
        rows();
        // Django: Restaurant.objects.prefetch_related('city').order_by('name') -> luigi rome, mario None, in 2 queries
        // (the restaurants with their Place columns, then the one city). The same from a grandchild: mario None, in 1
        // query (no city to read).
        queries.assertNumQueries(2, () -> assertThat(Restaurant.objects.prefetchRelated("city").orderBy("name").list())
                .extracting(r -> r.name, r -> r.city.get() == null ? null : r.city.get().name)
                .containsExactly(tuple("luigi", "rome"), tuple("mario", null)));
        queries.assertNumQueries(1, () -> assertThat(ItalianRestaurant.objects.prefetchRelated("city").list())
                .extracting(r -> r.name, r -> r.city.get()).containsExactly(tuple("mario", null)));
        // A Prefetch kept under the name of a parent's field: Django 3.2 accepts it, finds the attribute already set
        // and skips the prefetch without a word (r.city stays the City). Quarry refuses it before any SQL, as
        // it refuses the name of one of the model's own fields.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.prefetchRelated(
                Prefetch.of("reviews").to("city")).list()).isInstanceOf(FieldError.class)
                .hasMessageContaining("'city' is already a field or relation of Restaurant"));
    }
}
