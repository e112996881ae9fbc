package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.model.Registry;
import dev.quarry.spi.FieldType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * From model changes to operations: each kind of change, renames only when told, the one-off default a
 * new NOT NULL field needs, and an order in which every operation is valid (targets created first,
 * referring models deleted first, cycles broken). Replaying the operations gives the models' state.
 * Pure: no database (the migrations built from these run in {@link AutodetectedMigrationsTest}).
 */
class AutodetectorTest {
    static final ProjectState V1 = RegistryState.read(Registry.of(List.of(dev.quarry.migrations.v1.Author.class,
            dev.quarry.migrations.v1.Book.class, dev.quarry.migrations.v1.Tag.class)));
    static final ProjectState V2 = RegistryState.read(Registry.of(List.of(dev.quarry.migrations.v2.Author.class,
            dev.quarry.migrations.v2.Book.class, dev.quarry.migrations.v2.Tag.class, dev.quarry.migrations.v2.Review.class)));

    private static List<String> described(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList();
    }

    private static ProjectState replay(ProjectState start, List<Operation> ops) {
        ProjectState s = start;
        for (Operation op : ops) {
            s = op.apply(s);
        }
        return s;
    }

    @Test
    void theRegistryStateHoldsEveryColumnAsCreateTablesWould() {
        ModelState book = V1.model("Book");
        assertThat(book.table()).isEqualTo("book");
        assertThat(book.fields()).extracting(FieldState::column).containsExactly("id", "title", "author_id", "code");
        assertThat(book.field("author")).isEqualTo(FieldState.foreignKey("author", "Author"));
        assertThat(book.field("code")).isEqualTo(FieldState.charField("code", 10).withNullable(true));
        assertThat(book.manyToMany()).containsExactly(new ManyToManyState("tags", "Tag", "book_tags", "book_id", "tag_id"));
        assertThat(V1.model("Tag").field("name").unique()).isTrue();
        // The tables the state describes are the ones createTables() makes from the models.
        assertThat(Tables.all(V1)).containsExactlyInAnyOrderElementsOf(dev.quarry.schema.SchemaBuilder.tables(
                Registry.of(List.of(dev.quarry.migrations.v1.Book.class)).models()));
    }

    @Test
    void anInitialMigrationCreatesTargetsFirstAndReplaysToTheModels() {
        List<Operation> ops = Autodetector.of(ProjectState.empty(), V1).changes();
        assertThat(described(ops)).containsExactly("Create model Author", "Create model Tag", "Create model Book");
        assertThat(replay(ProjectState.empty(), ops)).isEqualTo(V1);
        assertThat(Autodetector.of(V1, V1).changes()).isEmpty();
    }

    @Test
    void eachChangeBecomesItsOperationWithRenamesOnlyWhenTold() {
        List<Operation> ops = Autodetector.of(V1, V2).withRenamedField("Book", "title", "name")
                .withOneOffDefault("Book", "pages", 100).changes();
        assertThat(described(ops)).containsExactly("Rename field title on Book to name", "Create model Review",
                "Add field bio to Author", "Alter field code on Book", "Add field pages to Book",
                "Alter field pages on Book");
        assertThat(replay(V1, ops)).isEqualTo(V2);
    }

    @Test
    void aNotNullFieldWithoutDefaultNeedsAOneOffValue() {
        // Without the rename, title is removed and name added: name is NOT NULL without a default too.
        assertThatThrownBy(() -> Autodetector.of(V1, V2).changes()).isInstanceOf(MigrationError.class)
                .hasMessageContaining("Adding Book.name, a NOT NULL field without a default")
                .hasMessageContaining("withOneOffDefault(\"Book\", \"name\", value)");
        assertThatThrownBy(() -> Autodetector.of(V1, V2).withRenamedField("Book", "title", "name").changes())
                .isInstanceOf(MigrationError.class).hasMessageContaining("Book.pages");
        List<Operation> unrenamed = Autodetector.of(V1, V2).withOneOffDefault("Book", "name", "?")
                .withOneOffDefault("Book", "pages", 1).changes();
        assertThat(described(unrenamed)).startsWith("Remove field title from Book", "Create model Review");
        assertThat(replay(V1, unrenamed)).isEqualTo(V2);
    }

    private static final ModelState PERSON = ModelState.of("Person", "person", FieldState.autoId(),
            FieldState.charField("name", 30));

    @Test
    void aRenamedModelIsARenameOnlyWhenToldAndItsReferencesFollow() {
        ModelState pet = new ModelState("Pet", "pet", List.of(FieldState.autoId(), FieldState.foreignKey("owner", "Person")),
                List.of(new ManyToManyState("friends", "Person", "pet_friends", "pet_id", "person_id")), List.of(), List.of());
        ProjectState before = ProjectState.of(List.of(PERSON, pet));
        ModelState human = PERSON.withName("Human").withTable("human");
        ModelState pet2 = new ModelState("Pet", "pet", List.of(FieldState.autoId(), FieldState.foreignKey("owner", "Human")),
                List.of(new ManyToManyState("friends", "Human", "pet_friends", "pet_id", "human_id")), List.of(), List.of());
        ProjectState after = ProjectState.of(List.of(human, pet2));
        List<Operation> told = Autodetector.of(before, after).withRenamedModel("Person", "Human").changes();
        assertThat(described(told)).containsExactly("Rename model Person to Human");
        assertThat(replay(before, told)).isEqualTo(after);
        List<Operation> untold = Autodetector.of(before, after).changes();
        assertThat(described(untold)).containsExactly("Remove many-to-many field friends from Pet",
                "Create model Human", "Alter field owner on Pet", "Add many-to-many field friends to Pet",
                "Delete model Person");
        assertThat(replay(before, untold)).isEqualTo(after);
    }

    @Test
    void modelsReferringToEachOtherAreCreatedThenLinkedAndDeletedReferrersFirst() {
        ModelState a = ModelState.of("A", "a", FieldState.autoId(), FieldState.foreignKey("b", "B").withNullable(true));
        ModelState b = ModelState.of("B", "b", FieldState.autoId(), FieldState.foreignKey("a", "A").withNullable(true));
        ModelState c = ModelState.of("C", "c", FieldState.autoId(), FieldState.foreignKey("a", "A"));
        ProjectState all = ProjectState.of(List.of(a, b, c));
        List<Operation> create = Autodetector.of(ProjectState.empty(), all).changes();
        assertThat(described(create)).containsExactly("Create model A", "Create model B", "Create model C",
                "Add field b to A");
        assertThat(replay(ProjectState.empty(), create)).isEqualTo(all);
        List<Operation> delete = Autodetector.of(all, ProjectState.empty()).changes();
        assertThat(described(delete)).containsExactly("Delete model C", "Remove field a from B", "Delete model A",
                "Delete model B");
        assertThat(replay(all, delete)).isEqualTo(ProjectState.empty());
    }

    @Test
    void tableAndManyToManyAndTypeChangesAreDetected() {
        ModelState tag = ModelState.of("Tag", "tag", FieldState.autoId(), FieldState.of("weight", FieldType.INTEGER));
        ModelState post = new ModelState("Post", "post", List.of(FieldState.autoId()),
                List.of(new ManyToManyState("tags", "Tag", "post_tags", "post_id", "tag_id")), List.of(), List.of());
        ProjectState before = ProjectState.of(List.of(tag, post));
        ModelState tag2 = ModelState.of("Tag", "labels", FieldState.autoId(), FieldState.of("weight", FieldType.BIGINT)
                .withDbIndex(true));
        ModelState post2 = ModelState.of("Post", "post", FieldState.autoId());
        ProjectState after = ProjectState.of(List.of(tag2, post2));
        List<Operation> ops = Autodetector.of(before, after).changes();
        assertThat(described(ops)).containsExactly("Remove many-to-many field tags from Post",
                "Alter field weight on Tag", "Rename table for Tag to labels");
        assertThat(replay(before, ops)).isEqualTo(after);
    }

    @Test
    void renamesOfUnknownNamesAreRefusedNamingThem() {
        assertThatThrownBy(() -> Autodetector.of(V1, V2).withRenamedField("Book", "titel", "name").changes())
                .isInstanceOf(MigrationError.class).hasMessageContaining("has no field 'titel'")
                .hasMessageContaining("[id, title, author, code]");
        assertThatThrownBy(() -> Autodetector.of(V1, V2).withRenamedModel("Writer", "Author").changes())
                .isInstanceOf(MigrationError.class).hasMessageContaining("No model 'Writer'");
    }
}
