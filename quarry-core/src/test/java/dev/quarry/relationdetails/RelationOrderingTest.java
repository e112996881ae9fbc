package dev.quarry.relationdetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.QuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ordering by a relation orders by the target model's default ordering, as Django does: Writer is
 * ordered by {@code country, name} and Country by {@code -name}, so {@code orderBy("writer")} on Novel
 * is {@code writer__country__name DESC, writer__name}. Expected values from Django 3.2 on the same rows
 * ({@code django_relation_details.py}); rows whose ordering values are NULL are left out where the
 * databases place NULLs differently.
 */
@QuarryTest(models = {Country.class, Writer.class, Novel.class, Chapter.class, Node.class, Left.class, Right.class})
class RelationOrderingTest {
    private static List<String> titles(QuerySet<Novel> qs) {
        return qs.list().stream().map(n -> n.title).toList();
    }

    private static QuerySet<Novel> placed() {
        return Novel.objects.filter("writer__country__isnull", false);
    }

    @Test
    void orderingByARelationUsesTheTargetsDefaultOrderingRecursively(Queries queries) {
        RelationDetailsRows.create();
        // Django: placed by writer -> ['Beta', 'Alpha', 'Gamma'] (UK before France, then amy before cid), one query.
        assertThat(queries.assertNumQueries(1, () -> titles(placed().orderBy("writer", "title"))))
                .containsExactly("Beta", "Alpha", "Gamma");
        // The SQL joins Writer and Country and orders by their columns, as Django's.
        String sql = placed().orderBy("writer", "title").sql().text();
        assertThat(sql.substring(sql.indexOf("ORDER BY"))).contains("name").contains("DESC");
    }

    @Test
    void aDescendingRelationReversesEveryDirectionOfTheTarget(Queries queries) {
        RelationDetailsRows.create();
        // Django: placed by -writer -> ['Gamma', 'Alpha', 'Beta'] (country name ascending, writer name descending).
        assertThat(queries.assertNumQueries(1, () -> titles(placed().orderBy("-writer", "title"))))
                .containsExactly("Gamma", "Alpha", "Beta");
    }

    @Test
    void theKeyColumnAndTheTargetsKeyOrderByTheKey() {
        RelationDetailsRows.create();
        // Django: writer_id, writer__id and writer__pk order by the key: ['Beta', 'Gamma', 'Alpha'].
        for (String term : List.of("writer_id", "writer__id", "writer__pk")) {
            assertThat(titles(placed().orderBy(term))).as(term).containsExactly("Beta", "Gamma", "Alpha");
        }
    }

    @Test
    void aDefaultOrderingNamingARelationFollowsItToo(Queries queries) {
        RelationDetailsRows.create();
        // Django: Writer.objects.filter(country__isnull=False) -> ['amy', 'cid', 'bea'] (Meta.ordering = country, name).
        assertThat(queries.assertNumQueries(1, () -> Writer.objects.filter("country__isnull", false).list()
                .stream().map(w -> w.name).toList())).containsExactly("amy", "cid", "bea");
        // Django: order_by('-country', 'name') -> ['bea', 'amy', 'cid'].
        assertThat(Writer.objects.filter("country__isnull", false).orderBy("-country", "name").list()
                .stream().map(w -> w.name).toList()).containsExactly("bea", "amy", "cid");
    }

    @Test
    void aTargetWithoutDefaultOrderingOrdersByTheKey(Queries queries) {
        RelationDetailsRows.create();
        Chapter.objects.create(Map.of("novel", RelationDetailsRows.novel("Omega"), "number", 1));
        Chapter.objects.create(Map.of("novel", RelationDetailsRows.novel("Alpha"), "number", 2));
        // Django: Chapter.objects.order_by('novel') -> [2, 1] (Novel has no Meta.ordering: by novel_id).
        assertThat(queries.assertNumQueries(1, () -> Chapter.objects.orderBy("novel").list().stream().map(c -> c.number)
                .toList())).containsExactly(2, 1);
    }

    /**
     * A prefetched reverse relation lists each owner's rows in the related model's default ordering
     * (Writer: {@code country, name}), not by key: abe is created last but named first.
     */
    @Test
    void aPrefetchedReverseRelationKeepsTheRelatedModelsOrdering(Queries queries) {
        RelationDetailsRows.create();
        Writer.objects.create(Map.of("name", "abe", "country", Country.objects.get("name", "UK")));
        List<Country> countries = queries.assertNumQueries(2, () -> Country.objects.prefetchRelated("writer_set").list());
        assertThat(queries.assertNumQueries(0, () -> countries.stream().map(c -> c.name + "=" + c.related("writer_set",
                Writer.class).all().list().stream().map(w -> w.name).toList()).toList()))
                .containsExactly("UK=[abe, amy, cid]", "France=[bea]");
    }

    @Test
    void theReverseSideOfARelationUsesTheRelatedModelsOrdering(Queries queries) {
        RelationDetailsRows.create();
        // Django: Country.objects.order_by('writer', 'name') -> ['UK', 'UK', 'France'] (one row per writer).
        assertThat(queries.assertNumQueries(1, () -> Country.objects.orderBy("writer", "name").list().stream()
                .map(c -> c.name).toList())).containsExactly("UK", "UK", "France");
    }

    @Test
    void anOrderingThatComesBackToARelationIsRefused(Queries queries) {
        Node root = Node.objects.create(Map.of("name", "root"));
        Node.objects.create(Map.of("name", "leaf", "parent", root));
        // Django: Node.objects.order_by('parent') and Node.objects.all() (Meta.ordering = parent, name) raise
        // FieldError "Infinite loop caused by ordering."; order_by('name'), order_by('parent__name') and count() work.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Node.objects.orderBy("parent"))
                .isInstanceOf(FieldError.class).hasMessageStartingWith("Infinite loop caused by ordering")
                .hasMessageContaining("Node.parent").hasMessageContaining("\"parent__id\""));
        assertThatThrownBy(() -> Node.objects.all().list()).isInstanceOf(FieldError.class)
                .hasMessageStartingWith("Infinite loop caused by ordering");
        assertThatThrownBy(() -> Node.objects.all().reverse()).isInstanceOf(FieldError.class)
                .hasMessageStartingWith("Infinite loop caused by ordering");
        assertThat(Node.objects.count()).isEqualTo(2);
        assertThat(Node.objects.orderBy("name").list().stream().map(n -> n.name).toList()).containsExactly("leaf", "root");
        assertThat(Node.objects.filter("parent__isnull", false).orderBy("parent__name").list().stream().map(n -> n.name)
                .toList()).containsExactly("leaf");
        // Django: Left.ordering = ['right'], Right.ordering = ['left']: a loop through two models.
        assertThatThrownBy(() -> Left.objects.orderBy("right")).isInstanceOf(FieldError.class)
                .hasMessageStartingWith("Infinite loop caused by ordering").hasMessageContaining("Left.right");
    }
}
