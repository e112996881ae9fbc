package dev.quarry.through;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relations of a model to itself: symmetrical by default as in Django ({@code friends}: adding b to
 * a's friends adds a to b's, one row per direction, no reverse side), or one-way with
 * {@code symmetrical = false} ({@code follows} / {@code followers}). Expected rows from Django 3.2
 * ({@code through_django.py}); Django writes both directions in one statement each (INSERT ... ON
 * CONFLICT) where Quarry reads and inserts per direction; removing deletes both directions in one statement.
 */
@QuarryTest(models = {Person.class, Member.class})
class SelfManyToManyTest {

    private static Person person(String name) {
        return Person.objects.create(Map.of("name", name));
    }

    private static List<String> names(List<Person> people) {
        return people.stream().map(p -> p.name).toList();
    }

    @Test
    void addingToASymmetricalRelationRelatesBothWays(Queries queries) {
        Person ann = person("Ann");
        Person bob = person("Bob");
        Person cat = person("Cat");
        queries.assertCount(4, () -> ann.friends.add(bob, cat));   // Django: 2 (an INSERT ignoring conflicts per direction)
        assertThat(Person.objects.filter("friends__isnull", false).count()).isEqualTo(4);   // four link rows, as Django's
        assertThat(names(bob.friends.all().list())).containsExactly("Ann");
        assertThat(names(cat.friends.all().list())).containsExactly("Ann");
        assertThat(names(ann.friends.all().orderBy("name").list())).containsExactly("Bob", "Cat");
        assertThat(names(Person.objects.filter("friends__name", "Ann").orderBy("name").list())).containsExactly("Bob", "Cat");
    }

    @Test
    void removingAndClearingASymmetricalRelationDeleteBothDirections(Queries queries) {
        Person ann = person("Ann");
        Person bob = person("Bob");
        Person cat = person("Cat");
        ann.friends.add(bob, cat);
        queries.assertCount(1, () -> bob.friends.remove(ann));   // one DELETE with OR, as Django
        assertThat(names(ann.friends.all().list())).containsExactly("Cat");
        assertThat(bob.friends.count()).isZero();
        queries.assertCount(1, () -> cat.friends.clear());
        assertThat(ann.friends.count()).isZero();
        assertThat(Person.objects.filter("friends__isnull", false).count()).isZero();
    }

    @Test
    void aSymmetricalRelationHasNoReverseSide(Quarry quarry) {
        // Django names its reverse side 'friends_rel_+': hidden; only follows has a reverse side (followers).
        assertThat(quarry.model(Person.class).relations()).extracting(RelationInfo::name).containsExactlyInAnyOrder("friends", "follows", "followers");
    }

    @Test
    void aNonSymmetricalRelationIsOneWayWithAReverseSide(Queries queries) {
        Person ann = person("Ann");
        Person bob = person("Bob");
        queries.assertCount(2, () -> ann.follows.add(bob));
        assertThat(names(bob.related("followers", Person.class).all().list())).containsExactly("Ann");
        assertThat(bob.follows.count()).isZero();
        assertThat(ann.related("followers").count()).isZero();
        assertThat(bob.friends.count()).isZero();
    }

    @Test
    void prefetchingASymmetricalRelationSeesBothDirections(Queries queries) {
        Person ann = person("Ann");
        Person bob = person("Bob");
        person("Cat");
        ann.friends.add(bob);
        List<Person> people = queries.assertNumQueries(2, () -> Person.objects.prefetchRelated("friends").orderBy("name").list());
        queries.assertCount(0, () -> assertThat(people).extracting(p -> names(p.friends.all().list()))
                .containsExactly(List.of("Bob"), List.of("Ann"), List.of()));
    }

    @Test
    void deletingAPersonDeletesItsLinkRowsInBothColumns(Queries queries) {
        Person ann = person("Ann");
        Person bob = person("Bob");
        Person cat = person("Cat");
        ann.friends.add(bob);
        ann.follows.add(bob);
        cat.follows.add(ann);
        // Django: (4, {'Person_friends': 2, 'Person_follows': 2 here: ann's own and cat's, 'Person': 1}).
        assertThat(ann.delete()).containsOnly(entry("Person", 1), entry("Person_friends", 2), entry("Person_follows", 2));
        assertThat(bob.friends.count()).isZero();
        assertThat(bob.related("followers").count()).isZero();
        assertThat(cat.follows.count()).isZero();
    }

    @Test
    void aSymmetricalRelationThroughAModelWritesBothRowsWithTheThroughDefaults(Queries queries) {
        Member eve = Member.objects.create(Map.of("name", "Eve"));
        Member fay = Member.objects.create(Map.of("name", "Fay"));
        queries.assertCount(4, () -> eve.buddies.add(List.of(fay), Map.of("level", 3)));   // Django: 4 (BEGIN not counted)
        assertThat(Buddy.objects.selectRelated("from_member", "to_member").orderBy("id").list().stream()
                .map(b -> List.<Object>of(b.fromMember.get().name, b.toMember.get().name, b.level)).toList())
                .containsExactly(List.of("Eve", "Fay", 3), List.of("Fay", "Eve", 3));
        assertThat(fay.buddies.all().list()).extracting(m -> m.name).containsExactly("Eve");
        queries.assertCount(1, () -> fay.buddies.remove(eve));   // Django: 1 (BEGIN not counted)
        assertThat(Buddy.objects.count()).isZero();
    }
}
