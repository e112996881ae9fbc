package dev.quarry.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.ProtectedError;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import org.junit.jupiter.api.Test;

/** Django's reverse-name rules: {@code <model>_set} / {@code <model>}, relatedName, relatedQueryName, "+". */
@QuarryTest(models = {Person.class, Pet.class, Car.class})
class ReverseRelationsTest {

    @Test
    void withoutRelatedNameTheAccessorIsModelSetAndTheQueryNameIsTheModel() {
        Person ann = Person.objects.create("name", "Ann");
        Pet.objects.create("name", "Rex", "owner", ann);
        assertThat(ann.<Pet>related("pet_set").all().list()).extracting(p -> p.name).containsExactly("Rex");
        assertThat(Person.objects.filter("pet__name", "Rex").list()).containsExactly(ann);
        assertThatThrownBy(() -> Person.objects.filter("pet_set__name", "Rex")).isInstanceOf(FieldError.class)
                .hasMessageContaining("query name 'pet'");
    }

    @Test
    void relatedNameReplacesTheAccessorAndRelatedQueryNameTheLookupName() {
        Person ann = Person.objects.create("name", "Ann");
        Car.objects.create("model", "T", "driver", ann);
        assertThat(ann.<Car>related("cars").count()).isEqualTo(1);
        assertThat(Person.objects.filter("car__model", "T").list()).containsExactly(ann);
        assertThatThrownBy(() -> Person.objects.filter("cars__model", "T")).isInstanceOf(FieldError.class);
        assertThatThrownBy(() -> ann.related("car_set")).isInstanceOf(FieldError.class)
                .hasMessageContaining("Car.driver").hasMessageContaining("related(\"cars\")");
    }

    @Test
    void aPlusRelatedNameHidesTheReverseSide() {
        Person ann = Person.objects.create("name", "Ann");
        assertThat(Person.objects.create("name", "Bob")).isNotNull();
        assertThatThrownBy(() -> Person.objects.filter("maker__model", "T")).isInstanceOf(FieldError.class);
        assertThat(ann.related("pet_set")).isNotNull();
    }

    @Test
    void refLoadsOnceAndIdNeverQueries(Queries queries) {
        Person ann = Person.objects.create("name", "Ann");
        Pet rex = Pet.objects.create("name", "Rex", "owner", ann);
        Pet loaded = Pet.objects.get("pk", rex.id);
        queries.assertNumQueries(0, () -> assertThat(loaded.owner.id()).isEqualTo(ann.id));
        queries.assertNumQueries(1, () -> assertThat(loaded.owner.get().name).isEqualTo("Ann"));
        queries.assertNumQueries(0, () -> loaded.owner.get());
        // A Ref set from an instance holds it: no query.
        Car car = Car.objects.create("model", "T", "driver", ann);
        queries.assertNumQueries(0, () -> assertThat(car.driver.get()).isSameAs(ann));
        // A nullable key without a value is null without a query.
        queries.assertNumQueries(0, () -> assertThat(car.maker.get()).isNull());
    }

    @Test
    void protectRefusesTheDeleteAndKeepsEverything() {
        Person maker = Person.objects.create("name", "Maker");
        Person driver = Person.objects.create("name", "Driver");
        Car.objects.create("model", "T", "driver", driver, "maker", maker);
        assertThatThrownBy(maker::delete).isInstanceOf(ProtectedError.class).hasMessageContaining("Car.maker");
        assertThat(Person.objects.count()).isEqualTo(2);
        assertThat(driver.delete()).containsEntry("Car", 1);
    }
}
