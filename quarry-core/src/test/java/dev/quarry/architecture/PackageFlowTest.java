package dev.quarry.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the one-way package flow of STYLE.md: model -> query -> sql -> backend -> db, with load,
 * persist, deletion and schema on top. The API package {@code dev.quarry} is both the facade and
 * the shared vocabulary (Model, Ref, exceptions), so it is left out of the cycle check (ADR 0002).
 */
class PackageFlowTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.quarry");
    }

    @Test
    void internalPackagesHaveNoCycles() {
        slices().matching("dev.quarry.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void leafPackagesDependOnNothingOfQuarry() {
        for (String leaf : new String[] {"annotation", "spi", "internal", "expr"}) {
            noClasses().that().resideInAPackage("dev.quarry." + leaf + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "dev.quarry.model..", "dev.quarry.query..", "dev.quarry.sql..", "dev.quarry.backend..",
                            "dev.quarry.db..", "dev.quarry.load..", "dev.quarry.persist..", "dev.quarry.deletion..",
                            "dev.quarry.schema..")
                    .check(classes);
        }
    }

    @Test
    void modelKnowsNothingOfQueriesOrDatabases() {
        noClasses().that().resideInAPackage("dev.quarry.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.query..", "dev.quarry.sql..",
                        "dev.quarry.backend..", "dev.quarry.db..", "dev.quarry.load..", "dev.quarry.persist..",
                        "dev.quarry.deletion..", "dev.quarry.schema..")
                .check(classes);
    }

    @Test
    void queryTreesDoNotRenderOrRun() {
        noClasses().that().resideInAPackage("dev.quarry.query..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.sql..", "dev.quarry.backend..",
                        "dev.quarry.db..", "dev.quarry.load..", "dev.quarry.persist..", "dev.quarry.deletion..",
                        "dev.quarry.schema..")
                .check(classes);
    }

    @Test
    void sqlSeesDatabasesOnlyThroughTheSpi() {
        noClasses().that().resideInAPackage("dev.quarry.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.backend..", "dev.quarry.db..",
                        "dev.quarry.load..", "dev.quarry.persist..", "dev.quarry.deletion..", "dev.quarry.schema..")
                .check(classes);
    }

    @Test
    void backendsDoNotReachUp() {
        noClasses().that().resideInAPackage("dev.quarry.backend..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.db..", "dev.quarry.load..",
                        "dev.quarry.persist..", "dev.quarry.deletion..", "dev.quarry.schema..", "dev.quarry.model..")
                .check(classes);
    }

    @Test
    void databaseLayerKnowsNothingOfModels() {
        noClasses().that().resideInAPackage("dev.quarry.db..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.model..", "dev.quarry.query..",
                        "dev.quarry.load..", "dev.quarry.persist..", "dev.quarry.deletion..", "dev.quarry.schema..",
                        "dev.quarry.backend..")
                .check(classes);
    }

    @Test
    void theFacadeStaysThin() {
        // The API package builds QuerySets and delegates: SQL text is compiled in sql, rows are read
        // in load, writes live in persist and deletion, lookups and expressions resolve in query.
        noClasses().that().resideInAPackage("dev.quarry")
                .should().dependOnClassesThat().resideInAnyPackage("dev.quarry.sql..", "dev.quarry.query.lookup..",
                        "dev.quarry.backend.sqlite..", "dev.quarry.backend.postgresql..", "dev.quarry.backend.mysql..")
                .check(classes);
    }

    @Test
    void noVendorClassIsUsedOutsideItsBackendPackage() {
        for (String vendor : new String[] {"sqlite", "postgresql", "mysql"}) {
            noClasses().that().resideOutsideOfPackage("dev.quarry.backend." + vendor + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.quarry.backend." + vendor + "..")
                    .check(classes);
        }
    }
}
