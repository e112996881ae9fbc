package dev.quarry.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.inheritance.City;
import dev.quarry.inheritance.ItalianRestaurant;
import dev.quarry.inheritance.PlaceByName;
import dev.quarry.model.Registry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migrations of inherited models (Django's makemigrations): a multi-table child's table holds its parent link
 * as a foreign key column and is created after its parent's; a proxy has no table and no operation. Pure: no
 * database.
 */
class InheritanceMigrationsTest {
    static final ProjectState STATE = RegistryState.read(Registry.of(List.of(City.class, ItalianRestaurant.class,
            PlaceByName.class)));

    @Test
    void aChildsStateHoldsItsParentLinkAndAProxyHasNone() {
        assertThat(STATE.model("Restaurant").fields()).extracting(FieldState::column)
                .containsExactly("place_ptr_id", "serves_pizza", "seats");
        assertThat(STATE.model("Restaurant").field("placePtr").relatedModel()).isEqualTo("Place");
        assertThat(STATE.model("ItalianRestaurant").fields()).extracting(FieldState::column)
                .containsExactly("restaurant_ptr_id", "wood_oven");
        assertThatThrownBy(() -> STATE.model("PlaceByName")).isInstanceOf(MigrationError.class)
                .hasMessageContaining("[City, ItalianRestaurant, Place, Restaurant]");
        // The tables the state describes are the ones createTables() makes.
        assertThat(Tables.all(STATE)).containsExactlyInAnyOrderElementsOf(dev.quarry.schema.SchemaBuilder.tables(
                Registry.of(List.of(City.class, ItalianRestaurant.class, PlaceByName.class)).models()));
    }

    @Test
    void anInitialMigrationCreatesParentsBeforeChildren() {
        List<Operation> ops = Autodetector.of(ProjectState.empty(), STATE).changes();
        assertThat(ops.stream().map(Operation::describe).toList()).containsExactly("Create model City",
                "Create model Place", "Create model Restaurant", "Create model ItalianRestaurant");
    }
}
