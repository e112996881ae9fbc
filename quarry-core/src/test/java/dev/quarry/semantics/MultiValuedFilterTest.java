package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Q;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import org.junit.jupiter.api.Test;

/** Django's rules for filters across multi-valued relations (reverse foreign keys, many-to-many). */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class MultiValuedFilterTest {

    @Test
    void conditionsInOneFilterCallReferToTheSameRelatedRow() {
        Library lib = new Library();
        // No single novel is both fantasy and from 2021 (Django: one filter() call, one join).
        assertThat(Writer.objects.filter(Q.of("novels__labels__name", "fantasy").and(Q.of("novels__published__year", 2021))).list())
                .isEmpty();
        assertThat(Writer.objects.filter(Q.of("novels__labels__name", "fantasy").and(Q.of("novels__published__year", 2019))).list())
                .containsExactly(lib.ann);
    }

    @Test
    void chainedFiltersOnMultiValuedRelationMayMatchDifferentRows() {
        Library lib = new Library();
        // Ann has a fantasy novel (Alpha, 2019) and a 2021 novel (Beta): each filter() gets its own join.
        assertThat(Writer.objects.filter("novels__labels__name", "fantasy").filter("novels__published__year", 2021).list())
                .containsExactly(lib.ann);
    }

    @Test
    void isnullTrueOnReverseRelationFindsRowsWithoutRelatedRows() {
        Library lib = new Library();
        assertThat(Writer.objects.filter("novels__isnull", true).list()).containsExactly(lib.dan);
        assertThat(Writer.objects.filter("novels__isnull", false).distinct().orderBy("name").list())
                .containsExactly(lib.ann, lib.bob, lib.cat);
    }

    @Test
    void orWithNullableForeignKeyKeepsRowsWhoseKeyIsNull() {
        Library lib = new Library();
        // Delta has no editor: an INNER join on editor would lose it.
        assertThat(Novel.objects.filter(Q.of("editor__name", "Bob").or(Q.of("title", "Delta"))).orderBy("title").list())
                .containsExactly(lib.beta, lib.delta);
    }

    @Test
    void singleValuedJoinsAreReusedAcrossFilterCalls() {
        new Library();
        String sql = Novel.objects.filter("writer__name", "Ann").filter("writer__name__startswith", "A").sql().text();
        assertThat(sql.split("JOIN", -1)).hasSize(2);
        assertThat(Novel.objects.filter("writer__name", "Ann").filter("writer__name__startswith", "A").count()).isEqualTo(2);
    }

    @Test
    void chainedMultiValuedFiltersJoinTwice() {
        new Library();
        String sql = Writer.objects.filter("novels__title", "Alpha").filter("novels__title", "Beta").sql().text();
        assertThat(sql.split("JOIN", -1)).hasSize(3);
    }

    @Test
    void filteringByAnInstanceComparesKeysInOneQuery(Queries queries) {
        Library lib = new Library();
        assertThat(queries.assertNumQueries(1, () -> Critique.objects.filter("novel__writer", lib.ann).list())).hasSize(3);
    }

    @Test
    void distinctRemovesTheDuplicatesOfAMultiValuedJoin() {
        Library lib = new Library();
        assertThat(Writer.objects.filter("novels__critique__stars__gte", 2).list()).hasSize(4);
        assertThat(Writer.objects.filter("novels__critique__stars__gte", 2).distinct().orderBy("name").list())
                .containsExactly(lib.ann, lib.bob);
    }

    @Test
    void lookupsAcceptJavaAndSnakeCaseNames() {
        new Library();
        assertThat(Critique.objects.filter("novel__writer__name", "Ann").count())
                .isEqualTo(Critique.objects.filter("novel__writer__name", "Ann").count())
                .isEqualTo(3);
        assertThat(Novel.objects.filter("published__year__gte", 2021).count()).isEqualTo(2);
    }
}
