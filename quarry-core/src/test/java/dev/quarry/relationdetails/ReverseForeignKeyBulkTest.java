package dev.quarry.relationdetails;

import static dev.quarry.relationdetails.RelationDetailsRows.novel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.QueryError;
import dev.quarry.RelatedManager;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code bulk} rule on the reverse side of a foreign key ({@code writer.novels}): in bulk (the
 * default) {@code add} moves saved objects with one {@code UPDATE ... WHERE pk IN (...)} and refuses an
 * unsaved one before any SQL; {@code bulk = false} saves each object (inserting an unsaved one);
 * {@code remove}, {@code clear} and {@code set} follow the same rule. Query counts are Django 3.2's on the
 * same rows ({@code django_relation_details.py}), without the BEGIN Django logs on SQLite.
 */
@QuarryTest(models = {Country.class, Writer.class, Novel.class, Chapter.class, dev.quarry.through.Person.class})
class ReverseForeignKeyBulkTest {
    private static List<String> titles(Writer w) {
        return w.novels().all().orderBy("title").list().stream().map(n -> n.title).toList();
    }

    @Test
    void addMovesSavedObjectsWithOneUpdate(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        Novel omega = novel("Omega");
        Novel delta = novel("Delta");
        // Django: amy.novels.add(omega, delta) -> 1 query: UPDATE novel SET writer_id = ? WHERE id IN (?, ?).
        List<String> sql = queries.assertNumQueries(1, () -> amy.novels().add(omega, delta)).stream()
                .map(q -> q.sql()).toList();
        assertThat(sql.get(0)).startsWith("UPDATE").contains(" IN (");
        // Django: the objects point at amy in memory too (no query to read it back).
        queries.assertNumQueries(0, () -> {
            assertThat(omega.writer.get()).isSameAs(amy);
            assertThat(delta.writer.id()).isEqualTo(amy.pk());
        });
        assertThat(titles(amy)).containsExactly("Beta", "Delta", "Omega");
        // Django: add() with nothing runs no query.
        queries.assertNumQueries(0, () -> amy.novels().add());
    }

    @Test
    void anUnsavedObjectIsRefusedInBulkAndSavedWithoutIt(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        Novel zeta = new Novel();
        zeta.title = "Zeta";
        // Django: ValueError "... instance isn't saved. Use bulk=False or save the object first.", no query.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> amy.novels().add(zeta)).isInstanceOf(QueryError.class)
                .hasMessageContaining("Writer.novels.add() with bulk = true").hasMessageContaining("Novel is not saved")
                .hasMessageContaining("add(objects, false)"));
        assertThat(zeta.pk()).isNull();
        // Django: add(zeta, bulk=False) -> 1 query (the INSERT); zeta is saved pointing at amy.
        queries.assertNumQueries(1, () -> amy.novels().add(List.of(zeta), false));
        assertThat(zeta.pk()).isNotNull();
        assertThat(Novel.objects.get("title", "Zeta").writer.id()).isEqualTo(amy.pk());
        // Django: add(omega, delta, bulk=False) -> 2 queries, one save each.
        List<Novel> two = List.of(novel("Omega"), novel("Delta"));
        queries.assertNumQueries(2, () -> amy.novels().add(two, false));
        assertThat(titles(amy)).containsExactly("Beta", "Delta", "Omega", "Zeta");
    }

    @Test
    void anObjectOfAnotherModelIsRefused(Queries queries) {
        List<Writer> w = RelationDetailsRows.create();
        @SuppressWarnings({"unchecked", "rawtypes"})
        RelatedManager<Model> raw = (RelatedManager) w.get(0).novels();
        // Django: TypeError "'Novel' instance expected, got <Writer: ...>", no query.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> raw.add(w.get(1))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Writer.novels.add() takes Novel instances, got Writer"));
    }

    @Test
    void removeSetsTheKeyToNullWithOneUpdateOrSavesEachWithoutBulk(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        Novel omega = novel("Omega");
        Novel delta = novel("Delta");
        amy.novels().add(omega, delta);
        // Django: remove(delta) -> 1 query; the row's writer is NULL.
        queries.assertNumQueries(1, () -> amy.novels().remove(delta));
        assertThat(novel("Delta").writer.id()).isNull();
        assertThat(delta.writer.id()).isNull();   // Quarry keeps the object given in step (Django leaves it stale)
        // Django: removing a novel of another writer raises Writer.DoesNotExist "<novel> is not related to <writer>.", no query.
        Novel gamma = novel("Gamma");
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> amy.novels().remove(gamma))
                .isInstanceOfSatisfying(DoesNotExist.class, e -> assertThat(e.model()).isEqualTo(Writer.class))
                .hasMessageContaining("Gamma is not related to amy"));
        // Django: remove(omega, bulk=False) -> 2 queries (the SELECT of the rows, one save).
        queries.assertNumQueries(2, () -> amy.novels().remove(List.of(omega), false));
        assertThat(titles(amy)).containsExactly("Beta");
    }

    @Test
    void clearIsOneUpdateOrALoadAndASaveEach(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        amy.novels().add(novel("Omega"), novel("Delta"));
        // Django: clear() -> 1 query.
        queries.assertNumQueries(1, () -> amy.novels().clear());
        assertThat(titles(amy)).isEmpty();
        amy.novels().add(novel("Omega"), novel("Delta"), novel("Beta"));
        // Django: clear(bulk=False) (clearEach()) with three novels -> 4 queries (a SELECT, three saves).
        queries.assertNumQueries(4, () -> amy.novels().clearEach());
        assertThat(titles(amy)).isEmpty();
        assertThat(Novel.objects.filter("writer__isnull", true).count()).isEqualTo(3);
    }

    @Test
    void setReadsTheRelatedRowsThenRemovesAndAddsTheDifference(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        amy.novels().add(novel("Omega"), novel("Delta"));
        Novel delta = novel("Delta");
        Novel gamma = novel("Gamma");
        // Django: set([delta, gamma]) from [Beta, Delta, Omega] -> 3 queries (SELECT, UPDATE removing, UPDATE adding).
        queries.assertNumQueries(3, () -> amy.novels().set(List.of(delta, gamma)));
        assertThat(titles(amy)).containsExactly("Delta", "Gamma");
        // Django: set() to the same novels -> 1 query (the SELECT).
        queries.assertNumQueries(1, () -> amy.novels().set(List.of(delta, gamma)));
        // Django: set([omega, gamma], bulk=False) -> 4 queries (SELECT; remove: SELECT + save; add: save).
        List<Novel> wanted = List.of(novel("Omega"), gamma);
        queries.assertNumQueries(4, () -> amy.novels().set(wanted, false));
        assertThat(titles(amy)).containsExactly("Gamma", "Omega");
        // An unsaved novel is refused before any SQL (Django fails after its SELECT: unsaved instances are unhashable).
        Novel eta = new Novel();
        eta.title = "Eta";
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> amy.novels().set(List.of(eta)))
                .isInstanceOf(QueryError.class).hasMessageContaining("not saved"));
    }

    @Test
    void aKeyThatIsNotNullableOnlyAdds(Queries queries) {
        RelationDetailsRows.create();
        Novel alpha = novel("Alpha");
        Novel gamma = novel("Gamma");
        Chapter one = Chapter.objects.create(Map.of("novel", alpha, "number", 1));
        Chapter two = Chapter.objects.create(Map.of("novel", alpha, "number", 2));
        // Django: gamma.chapters.add(one) -> 1 query; set([two]) on a non-null key only adds -> 1 query.
        queries.assertNumQueries(1, () -> gamma.chapters().add(one));
        queries.assertNumQueries(1, () -> gamma.chapters().set(List.of(two)));
        assertThat(gamma.chapters().all().orderBy("number").list().stream().map(c -> c.number).toList())
                .containsExactly(1, 2);
        // Django has no remove() there; Quarry refuses it naming the fix, before any SQL.
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> gamma.chapters().remove(one))
                .isInstanceOf(QueryError.class).hasMessageContaining("needs a nullable foreign key"));
    }

    @Test
    void bulkIsRefusedOnAManyToManyRelation() {
        // Django's many-to-many add/remove/clear/set take no bulk argument.
        dev.quarry.through.Person ann = dev.quarry.through.Person.objects.create(Map.of("name", "Ann"));
        assertThatThrownBy(() -> ann.friends.clearEach()).isInstanceOf(QueryError.class)
                .hasMessageContaining("bulk applies to the reverse side of a foreign key");
    }
}
