package dev.quarry.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.test.Committing;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database enforces what the metadata declares; transactions commit, roll back and nest. */
@QuarryTest(models = {Writer.class, Novel.class, Critique.class, Label.class})
class SchemaAndTransactionTest {

    @Test
    @Committing
    void constraintsFromTheMetadataAreEnforcedByTheDatabase(Quarry quarry) {
        Writer ann = Writer.of("Ann");
        Novel novel = Novel.objects.create(Map.of("title", "Alpha", "writer", ann));
        // NOT NULL
        assertThatThrownBy(() -> quarry.atomic().run(() -> Writer.objects.create(Map.of("born", 1)))).isInstanceOf(IntegrityError.class);
        // UNIQUE
        Label.of("x");
        assertThatThrownBy(() -> quarry.atomic().run(() -> Label.of("x"))).isInstanceOf(IntegrityError.class);
        // CHECK (stars >= 0) for a positive integer field: Quarry refuses -1 before any SQL, so the
        // constraint is exercised with a statement of our own.
        assertThatThrownBy(() -> Critique.of(novel, "c", -1)).isInstanceOf(dev.quarry.InvalidValueError.class);
        var db = dev.quarry.load.Session.of(quarry).database();
        var ops = db.backend().operations();
        assertThatThrownBy(() -> quarry.atomic().run(() -> db.update(dev.quarry.sql.CompiledSql.of("INSERT INTO "
                + ops.quoteName("critique") + " (" + ops.quoteName("novel_id") + ", " + ops.quoteName("critic") + ", "
                + ops.quoteName("stars") + ") VALUES (?, ?, ?)", List.of(novel.id, "c", -1))))).isInstanceOf(IntegrityError.class);
        // FOREIGN KEY (deferred on SQLite and PostgreSQL: refused at commit)
        assertThatThrownBy(() -> quarry.atomic().run(() -> Novel.objects.create(Map.of("title", "Lost", "writer", 999_999L))))
                .isInstanceOf(IntegrityError.class);
        // The many-to-many pair is unique at the database level too.
        novel.labels.add(Label.objects.get("name", "x"));
        Long pairs = dev.quarry.load.Session.of(quarry).database().query(dev.quarry.sql.CompiledSql.of(
                "SELECT COUNT(*) FROM " + dev.quarry.load.Session.of(quarry).database().backend().operations().quoteName("novel_labels"), List.of()),
                rs -> rs.next() ? rs.getLong(1) : -1L);
        assertThat(pairs).isEqualTo(1L);
        assertThat(Writer.objects.count()).isEqualTo(1);
        assertThat(Novel.objects.count()).isEqualTo(1);
    }

    @Test
    @Committing
    void transactionsCommitOrRollBackAsAWhole(Quarry quarry) {
        quarry.atomic().run(() -> Writer.of("Kept"));
        assertThatThrownBy(() -> quarry.atomic().run(() -> {
            Writer.of("Lost");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(Writer.objects.valuesList("name", String.class).list()).containsExactly("Kept");
    }

    @Test
    @Committing
    void aNestedTransactionIsASavepoint(Quarry quarry) {
        quarry.atomic().run(() -> {
            Writer.of("Outer");
            try {
                quarry.atomic().run(() -> {
                    Writer.of("Inner");
                    throw new IllegalStateException("inner fails");
                });
            } catch (IllegalStateException expected) {
                // only the inner part is rolled back
            }
            Writer.of("After");
        });
        assertThat(Writer.objects.orderBy("name").valuesList("name", String.class).list()).containsExactly("After", "Outer");
        assertThat(quarry.atomic().call(() -> Writer.objects.count())).isEqualTo(2L);
    }

    @Test
    void createAndDropTablesRoundTrip(Quarry quarry) {
        Writer.of("Ann");
        assertThat(Writer.objects.values("name").list()).isEqualTo(List.of(Map.of("name", "Ann")));
    }
}
