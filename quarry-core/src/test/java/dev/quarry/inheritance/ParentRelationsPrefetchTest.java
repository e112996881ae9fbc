package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A multi-table child prefetches the many-to-many its parent declares ({@code Cafe.objects.prefetchRelated("features")}),
 * as Django 3.2 does: one query for the cafes (with the venue's columns), one for the features through the
 * parent's link table, keyed by the cafe's key (the venue's). Expected values from Django on the same rows
 * ({@code django_inheritance.py}).
 */
@QuarryTest(models = {Feature.class, Venue.class, Cafe.class})
class ParentRelationsPrefetchTest {

    @Test
    void aChildPrefetchesItsParentsManyToMany(Queries queries) {
        Feature wifi = Feature.objects.create(Map.of("label", "wifi"));
        Feature garden = Feature.objects.create(Map.of("label", "garden"));
        Venue hall = Venue.objects.create(Map.of("name", "hall"));
        Cafe bean = Cafe.objects.create(Map.of("name", "bean", "tables", 6));
        Cafe cup = Cafe.objects.create(Map.of("name", "cup", "tables", 2));
        hall.features.add(garden);
        bean.features.add(wifi, garden);
        // Django: Cafe.objects.prefetch_related('features').order_by('name') -> bean [garden, wifi], cup [] in 2 queries.
        queries.assertNumQueries(2, () -> assertThat(Cafe.objects.prefetchRelated("features").orderBy("name").list())
                .extracting(c -> c.name, c -> c.features.all().list().stream().map(f -> f.label).sorted().toList())
                .containsExactly(tuple("bean", List.of("garden", "wifi")), tuple("cup", List.of())));
        // Django: Cafe.objects.filter(features__label='wifi') -> ['bean'].
        assertThat(Cafe.objects.filter("features__label", "wifi").valuesList("name", String.class).list()).containsExactly("bean");
        assertThat(cup.features.all().count()).isZero();
    }
}
