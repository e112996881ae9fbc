package dev.quarry.relationdetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DoesNotExist;
import dev.quarry.backend.mysql.MysqlBackend;
import dev.quarry.backend.postgresql.PostgresBackend;
import dev.quarry.backend.sqlite.SqliteBackend;
import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.Migration;
import dev.quarry.migrations.Migrator;
import dev.quarry.migrations.Operation;
import dev.quarry.migrations.ProjectState;
import dev.quarry.model.ModelMeta;
import dev.quarry.schema.SchemaBuilder;
import dev.quarry.spi.Backend;
import dev.quarry.spi.TableDef;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @ForeignKey(dbConstraint = false)} (Django's {@code db_constraint=False}): the schema declares no
 * FOREIGN KEY (the column keeps its index), so a loan may point at a novel that has no row; the relation
 * still joins, and reading the missing target throws {@code DoesNotExist} naming both models. Expected
 * values from Django 3.2 ({@code django_relation_details.py}).
 */
@QuarryTest(models = {Country.class, Writer.class, Novel.class, Chapter.class, Loan.class})
class NoDbConstraintTest {

    private static void loans() {
        RelationDetailsRows.create();
        Loan.objects.create(Map.of("novel", RelationDetailsRows.novel("Alpha"), "reader", "r1"));
        Loan.objects.create(l -> {
            l.novel.setId(9999L);
            l.reader = "r2";
        });
    }

    /** The migration the autodetector writes for these models, built from a Quarry of its own. */
    public static final class Initial extends Migration {
        @Override
        public List<Operation> operations() {
            try (Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(Country.class, Writer.class, Novel.class,
                    Chapter.class, Loan.class).build()) {
                return Autodetector.of(ProjectState.empty(), ProjectState.of(q)).changes();
            }
        }
    }

    private static String statementOf(String sql, String table) {
        return Arrays.stream(sql.split(";\\s*")).filter(s -> s.contains("TABLE " + table) || s.contains("TABLE \"" + table)
                || s.contains("TABLE `" + table)).reduce("", (a, b) -> a + b + ";\n");
    }

    @Test
    void neitherTheSchemaNorAMigrationDeclaresTheConstraint(Quarry quarry, Queries queries) {
        // Django: the DDL of Loan has no REFERENCES (its column keeps an index); Chapter's, a plain foreign key, has.
        for (Backend b : List.of(new SqliteBackend(), new PostgresBackend(), new MysqlBackend())) {
            for (TableDef t : SchemaBuilder.tables(List.of(ModelMeta.of(Loan.class), ModelMeta.of(Chapter.class)))) {
                String ddl = String.join(";\n", SchemaBuilder.createStatements(b.schemaEditor(), List.of(t)));
                if (t.name().contains("loan")) {
                    assertThat(ddl).as(b.vendor()).doesNotContainIgnoringCase("REFERENCES").containsIgnoringCase("CREATE INDEX");
                } else {
                    assertThat(ddl).as(b.vendor()).containsIgnoringCase("REFERENCES");
                }
            }
        }
        Migrator migrator = Migrator.of(quarry, "library", List.of(Initial.class));
        for (String vendor : List.of("sqlite", "postgresql", "mariadb")) {
            String sql = queries.assertNumQueries(0, () -> migrator.sqlMigrate("library", "Initial", vendor, false));
            assertThat(statementOf(sql, "loan")).as(vendor).isNotEmpty().doesNotContainIgnoringCase("REFERENCES");
            assertThat(statementOf(sql, "chapter")).as(vendor).containsIgnoringCase("REFERENCES");
        }
        assertThat(migrator.state().model("Loan").field("novel").dbConstraint()).isFalse();
    }

    @Test
    void aDanglingReferenceIsStoredAndReadingItIsDoesNotExistNamingBothModels(Queries queries) {
        loans();
        // Django: [('r1', <alpha id>), ('r2', 9999)]: the database accepts the missing key.
        assertThat(Loan.objects.orderBy("reader").list().stream().map(l -> l.novel.id(Long.class)).toList())
                .containsExactly(RelationDetailsRows.novel("Alpha").pk(Long.class), 9999L);
        Loan r2 = Loan.objects.get("reader", "r2");
        // Django: Novel.DoesNotExist "Novel matching query does not exist.", one query for the novel.
        queries.assertNumQueries(1, () -> assertThatThrownBy(() -> r2.novel.get())
                .isInstanceOfSatisfying(DoesNotExist.class, e -> assertThat(e.model()).isEqualTo(Novel.class))
                .hasMessageContaining("Loan.novel points at a Novel that does not exist")
                .hasMessageContaining("dbConstraint = false").hasMessageNotContaining("9999"));
    }

    @Test
    void theRelationStillJoins(Queries queries) {
        loans();
        // Django: select_related('novel') is an INNER JOIN: the dangling loan is left out, one query.
        assertThat(queries.assertNumQueries(1, () -> Loan.objects.selectRelated("novel").orderBy("reader").list()
                .stream().map(l -> l.reader + ":" + l.novel.get().title).toList())).containsExactly("r1:Alpha");
        // Django: filter(novel__title='Alpha') -> ['r1']; novel__isnull=True -> [] (the key is not NULL).
        assertThat(Loan.objects.filter("novel__title", "Alpha").list().stream().map(l -> l.reader).toList())
                .containsExactly("r1");
        assertThat(Loan.objects.filter("novel__isnull", true).exists()).isFalse();
        // Django: alpha.loans.all() -> ['r1'].
        assertThat(RelationDetailsRows.novel("Alpha").related("loans", Loan.class).all().list().stream()
                .map(l -> l.reader).toList()).containsExactly("r1");
    }

    @Test
    void prefetchingLeavesTheDanglingReferenceMissing(Queries queries) {
        loans();
        // Django: prefetch_related('novel') -> 2 queries; r1's novel is Alpha, r2's raises DoesNotExist.
        List<Loan> loaded = queries.assertNumQueries(2, () -> Loan.objects.prefetchRelated("novel").orderBy("reader").list());
        queries.assertNumQueries(0, () -> assertThat(loaded.get(0).novel.get().title).isEqualTo("Alpha"));
        assertThatThrownBy(() -> loaded.get(1).novel.get()).isInstanceOf(DoesNotExist.class)
                .hasMessageContaining("Loan.novel points at a Novel that does not exist");
    }

    @Test
    void aPeersLoadLeavesTheDanglingReferenceMissingToo(Queries queries) {
        loans();
        List<Loan> loaded = Loan.objects.fetchMode(dev.quarry.FetchMode.PEERS).orderBy("reader").list();
        // One query loads the novels of both loans; the dangling one is DoesNotExist, the other runs no query.
        queries.assertNumQueries(1, () -> assertThatThrownBy(() -> loaded.get(1).novel.get())
                .isInstanceOf(DoesNotExist.class).hasMessageContaining("Loan.novel points at a Novel that does not exist"));
        queries.assertNumQueries(0, () -> assertThat(loaded.get(0).novel.get().title).isEqualTo("Alpha"));
    }

    @Test
    void fullCleanReportsTheMissingTarget(Queries queries) {
        loans();
        Loan r2 = Loan.objects.get("reader", "r2");
        // Django: {'novel': ['novel instance with id 9999 does not exist.']}.
        queries.assertNumQueries(1, () -> assertThatThrownBy(r2::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors().get("novel")).containsExactly("novel instance with id 9999 does not exist.")));
    }

    @Test
    void theMetadataSaysTheConstraintIsLeftOut(Quarry quarry) {
        assertThat(quarry.model(Loan.class).relation("novel").orElseThrow().dbConstraint()).isFalse();
        assertThat(quarry.model(Novel.class).relation("loans").orElseThrow().dbConstraint()).isFalse();
        assertThat(quarry.model(Chapter.class).relation("novel").orElseThrow().dbConstraint()).isTrue();
        assertThat(Loan.objects.count()).isZero();
    }
}
