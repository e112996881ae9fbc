package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.IntegrityError;
import dev.quarry.test.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model, index and code operation applied and unapplied on every backend, one migration at a
 * time, with rows and constraints checked after each: CreateModel with a foreign key and a many-to-many
 * field, RenameModel (references and through columns follow), AlterModelTable, RenameField of a foreign
 * key (its index and constraint renamed, so removing it later finds them), AddIndex, AddConstraint,
 * AlterField adding a unique constraint, RemoveField of a foreign key, RunSql with reverse SQL,
 * RemoveManyToMany and DeleteModel.
 */
class OperationsTest {
    /** A migration of these operations, after {@code previous}. */
    abstract static class Step extends Migration {
        private final Class<? extends Migration> previous;
        private final List<Operation> ops;

        Step(Class<? extends Migration> previous, Operation... ops) {
            this.previous = previous;
            this.ops = List.of(ops);
        }

        @Override
        public List<Class<? extends Migration>> dependencies() {
            return previous == null ? List.of() : List.of(previous);
        }

        @Override
        public List<Operation> operations() {
            return ops;
        }
    }

    static final class O01Create extends Step {
        O01Create() {
            super(null, Operation.createModel(ModelState.of("Person", "person", FieldState.autoId(),
                    FieldState.charField("name", 30))),
                    Operation.createModel(new ModelState("Pet", "pet", List.of(FieldState.autoId(),
                            FieldState.charField("name", 30), FieldState.foreignKey("owner", "Person")),
                            List.of(new ManyToManyState("friends", "Person", "pet_friends", "pet_id", "person_id")),
                            List.of(), List.of())));
        }
    }

    static final class O02RenameModel extends Step {
        O02RenameModel() {
            super(O01Create.class, Operation.renameModel("Person", "Human"));
        }
    }

    static final class O03Table extends Step {
        O03Table() {
            super(O02RenameModel.class, Operation.alterModelTable("Pet", "animal"));
        }
    }

    static final class O04RenameFk extends Step {
        O04RenameFk() {
            super(O03Table.class, Operation.renameField("Pet", "owner", "keeper"));
        }
    }

    static final class O05Indexes extends Step {
        O05Indexes() {
            super(O04RenameFk.class, Operation.addIndex("Human", IndexState.of("human_name_ix", "name")),
                    Operation.addConstraint("Pet", IndexState.of("animal_name_uniq", "name")));
        }
    }

    static final class O06Unique extends Step {
        O06Unique() {
            super(O05Indexes.class, Operation.alterField("Human", FieldState.charField("name", 60).withUnique(true)));
        }
    }

    static final class O07RemoveFk extends Step {
        O07RemoveFk() {
            super(O06Unique.class, Operation.removeField("Pet", "keeper"));
        }
    }

    static final class O08Sql extends Step {
        O08Sql() {
            super(O07RemoveFk.class, Operation.runSql("UPDATE human SET name = 'alicia' WHERE name = 'alice'",
                    "UPDATE human SET name = 'alice' WHERE name = 'alicia'"));
        }
    }

    static final class O09RemoveM2m extends Step {
        O09RemoveM2m() {
            super(O08Sql.class, Operation.removeManyToMany("Pet", "friends"));
        }
    }

    static final class O10Delete extends Step {
        O10Delete() {
            super(O09RemoveM2m.class, Operation.deleteModel("Pet"));
        }
    }

    private static void to(Migrator migrator, String target, String expected) {
        assertThat(migrator.migrate("ops", target)).containsExactly("ops." + expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.quarry.migrations.MigrationDb#backends")
    void eachOperationAppliesAndUnappliesKeepingRowsAndConstraints(TestDatabases.Target target) {
        try (MigrationDb db = new MigrationDb(target, Item.class)) {
            Migrator migrator = Migrator.of(db.quarry, "ops", List.of(O01Create.class, O02RenameModel.class,
                    O03Table.class, O04RenameFk.class, O05Indexes.class, O06Unique.class, O07RemoveFk.class, O08Sql.class,
                    O09RemoveM2m.class, O10Delete.class));
            to(migrator, "O01Create", "O01Create");
            db.execute("INSERT INTO person (id, name) VALUES (1, 'alice')", "INSERT INTO person (id, name) VALUES (2, 'bob')",
                    "INSERT INTO pet (id, name, owner_id) VALUES (1, 'rex', 1)",
                    "INSERT INTO pet_friends (pet_id, person_id) VALUES (1, 2)");

            to(migrator, "O02RenameModel", "O02RenameModel");
            assertThat(db.hasTable("person")).isFalse();
            assertThat(db.rows("SELECT name FROM human ORDER BY id")).containsExactly(List.of("alice"), List.of("bob"));
            assertThat(db.rows("SELECT pet_id, human_id FROM pet_friends")).containsExactly(List.of(1L, 2L));
            assertThatThrownBy(() -> db.execute("INSERT INTO pet (name, owner_id) VALUES ('ghost', 99)"))
                    .isInstanceOf(IntegrityError.class);

            to(migrator, "O03Table", "O03Table");
            assertThat(db.rows("SELECT name, owner_id FROM animal")).containsExactly(List.of("rex", 1L));
            assertThat(db.rows("SELECT pet_id, human_id FROM animal_friends")).containsExactly(List.of(1L, 2L));

            to(migrator, "O04RenameFk", "O04RenameFk");
            assertThat(db.rows("SELECT name, keeper_id FROM animal")).containsExactly(List.of("rex", 1L));
            assertThatThrownBy(() -> db.execute("INSERT INTO animal (name, keeper_id) VALUES ('ghost', 99)"))
                    .isInstanceOf(IntegrityError.class);

            to(migrator, "O05Indexes", "O05Indexes");
            assertThatThrownBy(() -> db.execute("INSERT INTO animal (name, keeper_id) VALUES ('rex', 2)"))
                    .isInstanceOf(IntegrityError.class);

            to(migrator, "O06Unique", "O06Unique");
            assertThatThrownBy(() -> db.execute("INSERT INTO human (name) VALUES ('bob')")).isInstanceOf(IntegrityError.class);
            db.execute("INSERT INTO human (id, name) VALUES (3, '" + "x".repeat(60) + "')", "DELETE FROM human WHERE id = 3");

            to(migrator, "O07RemoveFk", "O07RemoveFk");
            assertThat(db.columns("animal")).containsExactly("id", "name");

            to(migrator, "O08Sql", "O08Sql");
            assertThat(db.rows("SELECT name FROM human ORDER BY id")).containsExactly(List.of("alicia"), List.of("bob"));

            to(migrator, "O09RemoveM2m", "O09RemoveM2m");
            assertThat(db.hasTable("animal_friends")).isFalse();
            to(migrator, "O10Delete", "O10Delete");
            assertThat(db.hasTable("animal")).isFalse();

            // And back, one migration at a time.
            to(migrator, "O09RemoveM2m", "O10Delete");
            assertThat(db.columns("animal")).containsExactly("id", "name");
            db.execute("INSERT INTO animal (id, name) VALUES (1, 'rex')");
            to(migrator, "O08Sql", "O09RemoveM2m");
            db.execute("INSERT INTO animal_friends (pet_id, human_id) VALUES (1, 2)");
            to(migrator, "O07RemoveFk", "O08Sql");
            assertThat(db.rows("SELECT name FROM human ORDER BY id")).containsExactly(List.of("alice"), List.of("bob"));
            db.execute("DELETE FROM animal_friends", "DELETE FROM animal");
            to(migrator, "O06Unique", "O07RemoveFk");
            db.execute("INSERT INTO animal (id, name, keeper_id) VALUES (1, 'rex', 1)",
                    "INSERT INTO animal_friends (pet_id, human_id) VALUES (1, 2)");
            to(migrator, "O05Indexes", "O06Unique");
            db.execute("INSERT INTO human (id, name) VALUES (3, 'bob')", "DELETE FROM human WHERE id = 3");
            to(migrator, "O04RenameFk", "O05Indexes");
            db.execute("INSERT INTO animal (id, name, keeper_id) VALUES (2, 'rex', 2)", "DELETE FROM animal WHERE id = 2");
            to(migrator, "O03Table", "O04RenameFk");
            assertThat(db.rows("SELECT name, owner_id FROM animal")).containsExactly(List.of("rex", 1L));
            to(migrator, "O02RenameModel", "O03Table");
            assertThat(db.rows("SELECT pet_id, human_id FROM pet_friends")).containsExactly(List.of(1L, 2L));
            to(migrator, "O01Create", "O02RenameModel");
            assertThat(db.rows("SELECT pet_id, person_id FROM pet_friends")).containsExactly(List.of(1L, 2L));
            assertThat(db.rows("SELECT p.name, o.name FROM pet p JOIN person o ON o.id = p.owner_id"))
                    .containsExactly(List.of("rex", "alice"));
            assertThatThrownBy(() -> db.execute("INSERT INTO pet (name, owner_id) VALUES ('ghost', 99)"))
                    .isInstanceOf(IntegrityError.class);
            to(migrator, Migrator.ZERO, "O01Create");
            assertThat(db.hasTable("pet")).isFalse();
            assertThat(db.hasTable("person")).isFalse();
            assertThat(db.hasTable("pet_friends")).isFalse();
        }
    }
}
