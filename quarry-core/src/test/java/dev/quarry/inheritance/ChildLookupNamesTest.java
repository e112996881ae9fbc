package dev.quarry.inheritance;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names a lookup on a multi-table child may start with, as in Django 3.2: the parents' fields and relations,
 * but not the parents' reverse sides of parent links. Place's {@code restaurant} is a lookup of Place, not of a
 * Restaurant (nor of an ItalianRestaurant, which neither has Restaurant's {@code italianrestaurant}). Expected
 * values come from Django on the same rows ({@code django_inheritance.py} beside this class).
 */
@QuarryTest(models = {City.class, Place.class, Restaurant.class, ItalianRestaurant.class, Review.class})
class ChildLookupNamesTest {

    /** Django's "Choices are" of Restaurant: no 'restaurant' (Place's side of Restaurant's own parent link). */
    private static final String RESTAURANT_CHOICES =
            "Choices are: address, city, city_id, id, italianrestaurant, name, place_ptr, place_ptr_id, reviews, seats, serves_pizza";
    /** Django's "Choices are" of ItalianRestaurant: neither 'restaurant' nor 'italianrestaurant'. */
    private static final String ITALIAN_CHOICES = "Choices are: address, city, city_id, id, name, place_ptr, place_ptr_id, "
            + "restaurant_ptr, restaurant_ptr_id, reviews, seats, serves_pizza, wood_oven";

    /** park (a Place), luigi (a Restaurant, 40 seats) and mario (an ItalianRestaurant, 20 seats, wood oven). */
    private static void rows() {
        Place.objects.create(Map.of("name", "park", "address", "1 Main"));
        Restaurant.objects.create(Map.of("name", "luigi", "address", "2 Main", "servesPizza", true, "seats", 40));
        ItalianRestaurant.objects.create(Map.of("name", "mario", "address", "3 Main", "servesPizza", true, "seats", 20,
                "woodOven", true));
    }

    @Test
    void aChildRefusesItsParentsSideOfItsOwnParentLink(Queries queries) {
        rows();
        // Django: Restaurant.objects.filter(restaurant__seats=40) -> FieldError "Cannot resolve keyword 'restaurant'
        // into field. Choices are: address, city, city_id, id, italianrestaurant, name, place_ptr, place_ptr_id,
        // reviews, seats, serves_pizza"; no query.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.filter("restaurant__seats", 40).list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Cannot resolve keyword 'restaurant' into field")
                .hasMessageContaining(RESTAURANT_CHOICES));
        // Django: the same FieldError from order_by('restaurant__seats'), values('restaurant__seats'),
        // annotate(n=Count('restaurant')).
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Restaurant.objects.orderBy("restaurant__seats").list()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Cannot resolve keyword 'restaurant' into field").hasMessageContaining(RESTAURANT_CHOICES);
            assertThatThrownBy(() -> Restaurant.objects.values("restaurant__seats").list()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Cannot resolve keyword 'restaurant' into field").hasMessageContaining(RESTAURANT_CHOICES);
            assertThatThrownBy(() -> Restaurant.objects.annotate("n", count("restaurant")).list()).isInstanceOf(FieldError.class)
                    .hasMessageContaining("Cannot resolve keyword 'restaurant' into field").hasMessageContaining(RESTAURANT_CHOICES);
        });
    }

    @Test
    void aGrandchildRefusesEveryAncestorsSideOfAParentLink(Queries queries) {
        rows();
        // Django: ItalianRestaurant.objects.filter(restaurant__seats=40) and filter(italianrestaurant__wood_oven=True)
        // -> FieldError "Cannot resolve keyword ... into field. Choices are: address, city, city_id, id, name,
        // place_ptr, place_ptr_id, restaurant_ptr, restaurant_ptr_id, reviews, seats, serves_pizza, wood_oven".
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> ItalianRestaurant.objects.filter("restaurant__seats", 40).list())
                    .isInstanceOf(FieldError.class).hasMessageContaining("Cannot resolve keyword 'restaurant' into field")
                    .hasMessageContaining(ITALIAN_CHOICES);
            assertThatThrownBy(() -> ItalianRestaurant.objects.filter("italianrestaurant__wood_oven", true).list())
                    .isInstanceOf(FieldError.class).hasMessageContaining("Cannot resolve keyword 'italianrestaurant' into field")
                    .hasMessageContaining(ITALIAN_CHOICES);
        });
    }

    @Test
    void theReverseSidesOfParentLinksStillWorkWhereDjangoHasThem(Queries queries) {
        rows();
        // Django: Place.objects.filter(restaurant__seats=40) -> ['luigi'], 1 query.
        queries.assertNumQueries(1, () -> assertThat(Place.objects.filter("restaurant__seats", 40).list())
                .extracting(p -> p.name).containsExactly("luigi"));
        // Django: Restaurant.objects.filter(italianrestaurant__wood_oven=True) -> ['mario'], 1 query (the child's own
        // reverse side of its child's parent link).
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.filter("italianrestaurant__wood_oven", true).list())
                .extracting(r -> r.name).containsExactly("mario"));
        // Django: filter(place_ptr__restaurant__seats=40) -> ['luigi'], 1 query: through the parent, the name is Place's.
        queries.assertNumQueries(1, () -> assertThat(Restaurant.objects.filter("place_ptr__restaurant__seats", 40).list())
                .extracting(r -> r.name).containsExactly("luigi"));
        // The parents' other reverse sides stay: filter(reviews__isnull=True) on ItalianRestaurant -> ['mario'].
        queries.assertNumQueries(1, () -> assertThat(ItalianRestaurant.objects.filter("reviews__isnull", true).list())
                .extracting(r -> r.name).containsExactly("mario"));
    }

    @Test
    void selectRelatedOfAParentsSideOfAParentLinkIsRefused(Queries queries) {
        rows();
        // Django: Restaurant.objects.select_related('restaurant') -> FieldError "Invalid field name(s) given in
        // select_related: 'restaurant'. Choices are: city, place_ptr, italianrestaurant".
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Restaurant.objects.selectRelated("restaurant").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Invalid field name 'restaurant' in selectRelated")
                .hasMessageContaining("Choices are: city, place_ptr, italianrestaurant"));
        // Django: ItalianRestaurant.objects.select_related('bogus') -> "... Choices are: city, place_ptr, restaurant_ptr".
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> ItalianRestaurant.objects.selectRelated("bogus").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Choices are: city, place_ptr, restaurant_ptr"));
    }
}
