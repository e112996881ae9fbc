package dev.quarry.onetoone;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.quarry.DoesNotExist;
import dev.quarry.FetchMode;
import dev.quarry.FieldError;
import dev.quarry.IntegrityError;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.RelationNotLoaded;
import dev.quarry.ValidationError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code @OneToOneField} used both ways: the forward side is a {@code Ref}; the reverse side is one
 * object ({@code relatedOne}) or {@code DoesNotExist} naming both models; lookups, {@code isnull},
 * {@code selectRelated} (the reverse as a LEFT JOIN) and {@code prefetchRelated} both ways; uniqueness in
 * the schema and in {@code fullClean()}. Expected values come from Django 3.2 on the same rows
 * ({@code django_onetoone.py} beside this class).
 */
@QuarryTest(models = {Author.class, AuthorProfile.class, Passport.class})
class OneToOneTest {
    private static final QuerySet<Author> BY_NAME = Author.objects.orderBy("name");

    /** Django's rows: ann (profile, passport P1), bob (profile), cat (passport P2), dan (none); P3 has no holder. */
    private static void rows() {
        Author ann = Author.objects.create(Map.of("name", "ann"));
        Author bob = Author.objects.create(Map.of("name", "bob"));
        Author cat = Author.objects.create(Map.of("name", "cat"));
        Author.objects.create(Map.of("name", "dan"));
        AuthorProfile.objects.create(Map.of("author", ann, "website", "ann.example"));
        AuthorProfile.objects.create(Map.of("author", bob, "website", "bob.example"));
        Passport.objects.create(Map.of("holder", ann, "number", "P1"));
        Passport.objects.create(Map.of("holder", cat, "number", "P2"));
        Passport.objects.create(p -> p.number = "P3");
    }

    private static List<String> names(QuerySet<Author> qs) {
        return qs.orderBy("name").list().stream().map(a -> a.name).toList();
    }

    private static String website(Author a) {
        try {
            return a.profile().website;
        } catch (DoesNotExist e) {
            return null;
        }
    }

    private static String number(Author a) {
        try {
            return a.relatedOne("passport", Passport.class).number;
        } catch (DoesNotExist e) {
            return null;
        }
    }

    // ----- the reverse accessor -----

    @Test
    void theReverseSideIsOneObjectLoadedOnceAndCached(Queries queries) {
        rows();
        // Django: Author.objects.get(name='ann').authorprofile.website -> 'ann.example', 2 queries.
        Author ann = queries.assertNumQueries(2, () -> {
            Author a = Author.objects.get("name", "ann");
            assertThat(a.profile().website).isEqualTo("ann.example");
            return a;
        });
        queries.assertNumQueries(0, () -> assertThat(ann.relatedOne("authorprofile", AuthorProfile.class).author.get())
                .isSameAs(ann));
        // Django: ...get(name='ann').passport.number -> 'P1' (related_name='passport').
        assertThat(queries.assertNumQueries(1, () -> number(ann))).isEqualTo("P1");
    }

    @Test
    void theForwardSideKeepsTheReverseSideInStep(Queries queries) {
        rows();
        Author cat = Author.objects.get("name", "cat");
        queries.assertNumQueries(1, () -> assertThatThrownBy(cat::profile).isInstanceOf(DoesNotExist.class));
        // Django: assigning profile.author sets author.authorprofile without a query.
        AuthorProfile mine = new AuthorProfile();
        mine.author.set(cat);
        mine.website = "cat.example";
        queries.assertNumQueries(0, () -> assertThat(cat.profile()).isSameAs(mine));
        // Django: loading the forward side (select_related('author')) caches the reverse side on the author.
        AuthorProfile ann = AuthorProfile.objects.selectRelated("author").get("website", "ann.example");
        queries.assertNumQueries(0, () -> assertThat(ann.author.get().profile()).isSameAs(ann));
        // Pointing the passport elsewhere empties the old holder's reverse side.
        Passport p1 = Passport.objects.selectRelated("holder").get("number", "P1");
        Author oldHolder = p1.holder.get();
        p1.holder.set(cat);
        queries.assertNumQueries(0, () -> {
            assertThat(number(oldHolder)).isNull();
            assertThat(number(cat)).isEqualTo("P1");
        });
    }

    @Test
    void aMissingReverseObjectIsDoesNotExistNamingBothModels(Queries queries) {
        rows();
        Author cat = Author.objects.get("name", "cat");
        // Django: RelatedObjectDoesNotExist: Author has no authorprofile. (one query, then cached)
        queries.assertNumQueries(1, () -> assertThatThrownBy(cat::profile).isInstanceOfSatisfying(DoesNotExist.class,
                e -> assertThat(e.model()).isEqualTo(AuthorProfile.class))
                .hasMessageStartingWith("Author has no authorprofile").hasMessageContaining("AuthorProfile.author"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(cat::profile).isInstanceOf(DoesNotExist.class));
        // An unsaved author has no row to point at: no query.
        Author unsaved = new Author();
        queries.assertNumQueries(0, () -> assertThatThrownBy(unsaved::profile).isInstanceOf(DoesNotExist.class));
    }

    @Test
    void wrongNamesAndTypesAreRefusedWithTheFix() {
        rows();
        Author ann = Author.objects.get("name", "ann");
        // Django: 'Author' object has no attribute 'authorprofile_set'; the reverse side is no manager.
        assertThatThrownBy(() -> ann.related("authorprofile")).isInstanceOf(FieldError.class)
                .hasMessageContaining("relatedOne(\"authorprofile\", AuthorProfile.class)");
        assertThatThrownBy(() -> ann.relatedOne("authorprofile_set", AuthorProfile.class)).isInstanceOf(FieldError.class)
                .hasMessageContaining("Choices are: authorprofile, passport");
        assertThatThrownBy(() -> ann.relatedOne("passport", AuthorProfile.class)).isInstanceOf(FieldError.class)
                .hasMessageContaining("relatedOne(\"passport\", Passport.class)");
        AuthorProfile profile = ann.profile();
        assertThatThrownBy(() -> profile.relatedOne("author", Author.class)).isInstanceOf(FieldError.class)
                .hasMessageContaining("authorprofile.author.get()");
    }

    // ----- lookups both ways -----

    @Test
    void lookupsCrossTheRelationBothWays(Queries queries) {
        rows();
        // Django: filter(authorprofile__website__contains='example') -> ann, bob; filter(passport__number='P2') -> cat.
        assertThat(queries.assertNumQueries(1, () -> names(Author.objects.filter("authorprofile__website__contains",
                "example")))).containsExactly("ann", "bob");
        assertThat(names(Author.objects.filter("passport__number", "P2"))).containsExactly("cat");
        // Django: AuthorProfile.filter(author__name='bob') -> bob.example; Passport.filter(holder__name__in=[ann, cat]) -> P1, P2.
        assertThat(AuthorProfile.objects.filter("author__name", "bob").list()).extracting(p -> p.website)
                .containsExactly("bob.example");
        assertThat(Passport.objects.filter("holder__name__in", List.of("ann", "cat")).orderBy("number").list())
                .extracting(p -> p.number).containsExactly("P1", "P2");
        // Django: filter(authorprofile=<bob's profile>) -> bob.
        AuthorProfile bobs = AuthorProfile.objects.get("website", "bob.example");
        assertThat(names(Author.objects.filter("authorprofile", bobs))).containsExactly("bob");
        // Django: both reverse sides in one filter -> ann.
        assertThat(names(Author.objects.filter(Q.of("authorprofile__website__startswith", "a").and(Q.of("passport__number", "P1")))))
                .containsExactly("ann");
        // Django: the reverse side is single-valued, so chained filters reuse its one join -> ann, 1 JOIN.
        QuerySet<Author> chained = Author.objects.filter("authorprofile__website__startswith", "a")
                .filter("authorprofile__website__endswith", "example");
        assertThat(names(chained)).containsExactly("ann");
        assertThat(queries.captured(chained::list).get(0).sql().split("JOIN", -1)).hasSize(2);
        // Django: exclude(authorprofile__website='ann.example') -> bob, cat, dan.
        assertThat(names(Author.objects.exclude("authorprofile__website", "ann.example"))).containsExactly("bob", "cat", "dan");
        // Django: the accessor is no query name: Choices are: authorprofile, id, name, passport.
        assertThatThrownBy(() -> Author.objects.filter("authorprofile_set__website", "x")).isInstanceOf(FieldError.class)
                .hasMessageContaining("Choices are: authorprofile, id, name, passport");
    }

    @Test
    void valuesAndAnnotationsReachTheReverseSide(Queries queries) {
        rows();
        // Django: values_list('name', 'authorprofile__website', 'passport__number') -> one row per author, None where absent.
        List<List<Object>> rows = queries.assertNumQueries(1, () -> BY_NAME
                .valuesList("name", "authorprofile__website", "passport__number").list());
        assertThat(rows).containsExactly(Arrays.asList("ann", "ann.example", "P1"), Arrays.asList("bob", "bob.example", null),
                Arrays.asList("cat", null, "P2"), Arrays.asList("dan", null, null));
        // Django: annotate(n=Count('authorprofile')) -> ann 1, bob 1, cat 0, dan 0.
        assertThat(BY_NAME.annotate("n", count("authorprofile")).list())
                .extracting(a -> a.name, a -> a.annotation("n", Long.class))
                .containsExactly(tuple("ann", 1L), tuple("bob", 1L), tuple("cat", 0L), tuple("dan", 0L));
    }

    @Test
    void isnullOnTheReverseSide(Queries queries) {
        rows();
        // Django: authorprofile__isnull=True -> cat, dan; False -> ann, bob; passport__isnull=True -> bob, dan.
        assertThat(queries.assertNumQueries(1, () -> names(Author.objects.filter("authorprofile__isnull", true))))
                .containsExactly("cat", "dan");
        assertThat(names(Author.objects.filter("authorprofile__isnull", false))).containsExactly("ann", "bob");
        assertThat(names(Author.objects.filter("passport__isnull", true))).containsExactly("bob", "dan");
        // Django: Passport.filter(holder__isnull=True) -> P3.
        assertThat(Passport.objects.filter("holder__isnull", true).list()).extracting(p -> p.number).containsExactly("P3");
    }

    // ----- selectRelated and prefetchRelated -----

    @Test
    void selectRelatedFollowsTheReverseSideWithALeftJoin(Queries queries) {
        rows();
        // Django: select_related('authorprofile') -> all four authors, None for cat and dan, in 1 query (LEFT OUTER JOIN).
        var captured = queries.assertNumQueries(1, () -> {
            assertThat(BY_NAME.selectRelated("authorprofile").list()).extracting(a -> a.name, OneToOneTest::website)
                    .containsExactly(tuple("ann", "ann.example"), tuple("bob", "bob.example"), tuple("cat", null),
                            tuple("dan", null));
        });
        assertThat(captured.get(0).sql()).containsIgnoringCase("LEFT OUTER JOIN");
        // Django: select_related('authorprofile', 'passport') -> 1 query.
        queries.assertNumQueries(1, () -> assertThat(BY_NAME.selectRelated("authorprofile", "passport").list())
                .extracting(a -> a.name, OneToOneTest::website, OneToOneTest::number)
                .containsExactly(tuple("ann", "ann.example", "P1"), tuple("bob", "bob.example", null),
                        tuple("cat", null, "P2"), tuple("dan", null, null)));
        // Django: select_related('authorprofile').filter(authorprofile__isnull=False): back to the author, 1 query.
        queries.assertNumQueries(1, () -> assertThat(BY_NAME.selectRelated("authorprofile")
                .filter("authorprofile__isnull", false).list()).extracting(a -> a.name, a -> a.profile().author.get().name)
                .containsExactly(tuple("ann", "ann"), tuple("bob", "bob")));
        // Django: Invalid field name(s) given in select_related: 'profile'. Choices are: authorprofile, passport.
        assertThatThrownBy(() -> Author.objects.selectRelated("profile").list()).isInstanceOf(FieldError.class)
                .hasMessageContaining("Choices are: authorprofile, passport");
    }

    @Test
    void selectRelatedFollowsTheForwardSide(Queries queries) {
        rows();
        // Django: AuthorProfile.select_related('author') -> (ann.example, ann), (bob.example, bob), 1 query.
        queries.assertNumQueries(1, () -> assertThat(AuthorProfile.objects.selectRelated("author").orderBy("website").list())
                .extracting(p -> p.website, p -> p.author.get().name)
                .containsExactly(tuple("ann.example", "ann"), tuple("bob.example", "bob")));
        // Django: select_related('author__passport'): forward, then the reverse side below it, still 1 query.
        queries.assertNumQueries(1, () -> assertThat(AuthorProfile.objects.selectRelated("author__passport")
                .orderBy("website").list()).extracting(p -> p.website, p -> number(p.author.get()))
                .containsExactly(tuple("ann.example", "P1"), tuple("bob.example", null)));
    }

    @Test
    void prefetchRelatedLoadsBothSides(Queries queries) {
        rows();
        // Django: prefetch_related('authorprofile') -> the four authors, 2 queries.
        queries.assertNumQueries(2, () -> assertThat(BY_NAME.prefetchRelated("authorprofile").list())
                .extracting(a -> a.name, OneToOneTest::website).containsExactly(tuple("ann", "ann.example"),
                        tuple("bob", "bob.example"), tuple("cat", null), tuple("dan", null)));
        // Django: prefetch_related('authorprofile__author') -> still 2 queries: the profile knows its author.
        queries.assertNumQueries(2, () -> assertThat(BY_NAME.prefetchRelated("authorprofile__author").list())
                .extracting(a -> a.name, a -> website(a) == null ? null : a.profile().author.get().name)
                .containsExactly(tuple("ann", "ann"), tuple("bob", "bob"), tuple("cat", null), tuple("dan", null)));
        // Django: Passport.prefetch_related('holder') -> P1 ann, P2 cat, P3 None, 2 queries.
        queries.assertNumQueries(2, () -> assertThat(Passport.objects.prefetchRelated("holder").orderBy("number").list())
                .extracting(p -> p.number, p -> p.holder.get() == null ? null : p.holder.get().name)
                .containsExactly(tuple("P1", "ann"), tuple("P2", "cat"), tuple("P3", null)));
    }

    @Test
    void fetchModesApplyToTheReverseSide(Queries queries) {
        rows();
        List<Author> raising = BY_NAME.fetchMode(FetchMode.RAISE).list();
        assertThatThrownBy(() -> raising.get(0).profile()).isInstanceOf(RelationNotLoaded.class)
                .hasMessageContaining("selectRelated(\"authorprofile\")").hasMessageContaining("prefetchRelated(\"authorprofile\")");
        List<Author> peers = BY_NAME.fetchMode(FetchMode.PEERS).list();
        // PEERS: the first access loads the profiles of all four authors at once.
        queries.assertNumQueries(1, () -> assertThat(peers).extracting(OneToOneTest::website)
                .containsExactly("ann.example", "bob.example", null, null));
    }

    // ----- uniqueness -----

    @Test
    void theSchemaRefusesASecondRowForOneTarget(Quarry quarry) {
        rows();
        Author bob = Author.objects.get("name", "bob");
        // Django: a second AuthorProfile for bob -> IntegrityError (UNIQUE column).
        assertThatThrownBy(() -> quarry.atomic().run(() -> AuthorProfile.objects.create(Map.of("author", bob,
                "website", "dup.example")))).isInstanceOf(IntegrityError.class);
        assertThat(AuthorProfile.objects.count()).isEqualTo(2);
    }

    @Test
    void fullCleanRefusesASecondRowForOneTarget(Queries queries) {
        rows();
        Author ann = Author.objects.get("name", "ann");
        AuthorProfile again = new AuthorProfile();
        again.author.set(ann);
        again.website = "again.example";
        // Django: {'author': ['Author profile with this Author already exists.']}, after two queries (the
        // foreign key's target exists, then the uniqueness check).
        queries.assertNumQueries(2, () -> assertThatThrownBy(again::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsExactly(
                        Map.entry("author", List.of("Author profile with this Author already exists.")))));
        // Django: the saved profile itself, and a profile for cat, are valid.
        AuthorProfile.objects.get("author", ann).fullClean();
        AuthorProfile free = new AuthorProfile();
        free.author.set(Author.objects.get("name", "cat"));
        free.website = "cat.example";
        free.fullClean();
    }

    // ----- deletion -----

    @Test
    void deletingTheTargetCascadesOrSetsNull() {
        rows();
        // Django: Author ann .delete() -> Author 1, AuthorProfile 1; passport P1's holder set to NULL.
        assertThat(Author.objects.get("name", "ann").delete()).containsEntry("Author", 1).containsEntry("AuthorProfile", 1);
        assertThat(Passport.objects.orderBy("number").list()).extracting(p -> p.number, p -> p.holder.id() != null)
                .containsExactly(tuple("P1", false), tuple("P2", true), tuple("P3", false));
    }
}
