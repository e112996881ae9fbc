package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.FieldError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code selectRelated} of a multi-table child's parent link ({@code place_ptr}), as Django 3.2's
 * {@code select_related('place_ptr')}: accepted, and it adds no join, because a child query already reads its
 * parents' columns into the child (a Restaurant holds Place's name). Expected values come from Django on the same
 * rows ({@code django_inheritance.py} beside this class).
 */
@QuarryTest(models = {City.class, Place.class, Restaurant.class, ItalianRestaurant.class, Review.class})
class SelectRelatedParentLinkTest {

    /** park (a Place), luigi (a Restaurant in rome) and mario (an ItalianRestaurant without a city). */
    private static void rows() {
        City rome = City.objects.create(Map.of("name", "rome"));
        Place.objects.create(Map.of("name", "park", "address", "1 Main"));
        Restaurant.objects.create(Map.of("name", "luigi", "address", "2 Main", "servesPizza", true, "seats", 40, "city", rome));
        ItalianRestaurant.objects.create(Map.of("name", "mario", "address", "3 Main", "servesPizza", true, "seats", 20,
                "woodOven", true));
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
        // Django: select_related('place_ptr__city') -> luigi rome, mario None, in 2 queries: Django stops at a parent
        // link and reads luigi's city with a query of its own. Quarry follows 'city' from the parent, as
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
}
