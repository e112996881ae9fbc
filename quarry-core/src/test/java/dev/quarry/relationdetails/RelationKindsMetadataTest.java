package dev.quarry.relationdetails;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.RelationInfo.Kind;
import dev.quarry.onetoone.Author;
import dev.quarry.onetoone.AuthorProfile;
import dev.quarry.onetoone.Passport;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import dev.quarry.through.Book;
import dev.quarry.through.Buddy;
import dev.quarry.through.Contract;
import dev.quarry.through.Member;
import dev.quarry.through.Person;
import dev.quarry.through.Publisher;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every relation kind is visible through the public metadata ({@code quarry.model(X.class).relations()}),
 * from both ends, with the details Django keeps on the field: a foreign key, a one-to-one, a many-to-many
 * with its automatic table, one through a model (named on both sides), and relations of a model to itself,
 * symmetrical or not. Django's {@code _meta.get_fields()} for the same declarations is in
 * {@code django_relation_details.py}; reading the metadata runs no query.
 */
@QuarryTest(models = {Book.class, Publisher.class, Contract.class, Person.class, Member.class, Buddy.class, Author.class,
        AuthorProfile.class, Passport.class})
class RelationKindsMetadataTest {

    private static RelationInfo relation(Quarry q, Class<? extends dev.quarry.Model> model, String name) {
        return q.model(model).relation(name).orElseThrow();
    }

    @Test
    void aManyToManyThroughAModelNamesItOnBothSides(Quarry quarry, Queries queries) {
        queries.assertNumQueries(0, () -> {
            // Django: Book.publishers many_to_many forward, through Contract; Publisher.books reverse, through Contract.
            assertThat(relation(quarry, Book.class, "publishers")).isEqualTo(new RelationInfo(Kind.MANY_TO_MANY,
                    "publishers", "publishers", Publisher.class, Book.class, Contract.class, false, true, null));
            assertThat(relation(quarry, Publisher.class, "books")).isEqualTo(new RelationInfo(Kind.REVERSE_MANY_TO_MANY,
                    "books", "books", Book.class, Book.class, Contract.class, false, true, null));
            // Django: the through model's keys are plain foreign keys (many_to_one), with reverse sides 'contract'.
            assertThat(relation(quarry, Contract.class, "book").kind()).isEqualTo(Kind.FOREIGN_KEY);
            assertThat(relation(quarry, Book.class, "contract")).isEqualTo(new RelationInfo(Kind.REVERSE_FOREIGN_KEY,
                    "contract_set", "contract", Contract.class, Contract.class));
        });
    }

    @Test
    void relationsOfAModelToItselfSayWhetherTheyAreSymmetrical(Quarry quarry) {
        // Django: friends (symmetrical, automatic table, no reverse side); follows (symmetrical=False) with
        // reverse 'followers'; Member.buddies symmetrical through Buddy.
        assertThat(relation(quarry, Person.class, "friends")).isEqualTo(new RelationInfo(Kind.MANY_TO_MANY, "friends",
                "friends", Person.class, Person.class, null, true, true, null));
        assertThat(relation(quarry, Person.class, "follows").symmetrical()).isFalse();
        assertThat(relation(quarry, Person.class, "followers")).isEqualTo(new RelationInfo(Kind.REVERSE_MANY_TO_MANY,
                "followers", "followers", Person.class, Person.class, null, false, true, null));
        assertThat(quarry.model(Person.class).relations()).extracting(RelationInfo::name)
                .containsExactlyInAnyOrder("friends", "follows", "followers");
        RelationInfo buddies = relation(quarry, Member.class, "buddies");
        assertThat(buddies.through()).isEqualTo(Buddy.class);
        assertThat(buddies.symmetrical()).isTrue();
    }

    @Test
    void everyKindIsListedWithItsTargetAndMultiplicity(Quarry quarry, Queries queries) {
        Map<Kind, RelationInfo> seen = new java.util.EnumMap<>(Kind.class);
        queries.assertNumQueries(0, () -> {
            for (Class<? extends dev.quarry.Model> m : java.util.List.of(Book.class, Publisher.class, Contract.class,
                    Person.class, Author.class, AuthorProfile.class)) {
                quarry.model(m).relations().forEach(r -> seen.putIfAbsent(r.kind(), r));
            }
        });
        assertThat(seen.keySet()).containsExactlyInAnyOrder(Kind.values());
        assertThat(relation(quarry, AuthorProfile.class, "author")).isEqualTo(new RelationInfo(Kind.ONE_TO_ONE, "author",
                "author", Author.class, AuthorProfile.class));
        // Django: AuthorProfile._meta.get_field('author').get_internal_type() is 'OneToOneField', Contract.book's 'ForeignKey'.
        assertThat(quarry.model(AuthorProfile.class).field("author").kind()).isEqualTo("OneToOneField");
        assertThat(quarry.model(Contract.class).field("book").kind()).isEqualTo("ForeignKey");
        assertThat(relation(quarry, Author.class, "authorprofile").multiValued()).isFalse();
        assertThat(relation(quarry, Book.class, "publishers").multiValued()).isTrue();
        // The metadata describes tables that hold rows: one book, one publisher, one contract between them.
        Book b = Book.objects.create(Map.of("title", "Dune"));
        Publisher p = Publisher.objects.create(Map.of("name", "Chilton"));
        b.publishers.add(java.util.List.of(p), Map.of("royaltyPct", 12));
        assertThat(Contract.objects.get("book", b).royaltyPct).isEqualTo(12);
    }
}
