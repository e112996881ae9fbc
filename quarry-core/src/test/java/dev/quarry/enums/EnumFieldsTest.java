package dev.quarry.enums;

import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Choice;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Enum fields: stored by name in a text column, by ordinal in an integer column, or by a
 * {@link Choice} value in either; filtered by the constants; labels from {@code Labeled}/{@code Choice}
 * (or derived from the name, as Django does); Django's {@code choices} checks in {@code fullClean()};
 * a stored value no constant has is refused naming the row.
 */
@QuarryTest(models = {Shirt.class})
class EnumFieldsTest {

    private static Shirt saved(String name, Color color, Size size, Year year, Priority priority) {
        Shirt s = Shirt.of(name, color, size, year, priority);
        s.save();
        return s;
    }

    /** The column's content as the database holds it. */
    private static Object stored(Quarry quarry, String column, Object id) {
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        return db.query(CompiledSql.of("SELECT " + ops.quoteName(column) + " FROM " + ops.quoteName("shirt") + " WHERE "
                + ops.quoteName("id") + " = ?", List.of(id)), rs -> rs.next() ? rs.getObject(1) : null);
    }

    private static void write(Quarry quarry, String column, Object value, Object id) {
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        db.update(CompiledSql.of("UPDATE " + ops.quoteName("shirt") + " SET " + ops.quoteName(column) + " = ? WHERE "
                + ops.quoteName("id") + " = ?", List.of(value, id)));
    }

    @Test
    void eachWayOfStoringRoundTrips(Quarry quarry, Queries queries) {
        Shirt s = Shirt.of("polo", Color.GREEN, Size.LARGE, Year.SOPHOMORE, Priority.VERY_HIGH);
        queries.assertNumQueries(1, s::save);
        Shirt back = queries.assertNumQueries(1, () -> Shirt.objects.get("pk", s.id));
        assertThat(back.color).isEqualTo(Color.GREEN);
        assertThat(back.size).isEqualTo(Size.LARGE);
        assertThat(back.year).isEqualTo(Year.SOPHOMORE);
        assertThat(back.priority).isEqualTo(Priority.VERY_HIGH);
        assertThat(back.trim).isNull();
        assertThat(stored(quarry, "color", s.id)).isEqualTo("GREEN");
        assertThat(((Number) stored(quarry, "size", s.id)).intValue()).isEqualTo(2);
        assertThat(stored(quarry, "year", s.id)).isEqualTo("SO");
        assertThat(((Number) stored(quarry, "priority", s.id)).intValue()).isEqualTo(30);
    }

    @Test
    void defaultsAreWrittenInTheStoredForm() {
        Shirt s = new Shirt();
        // size: defaultValue "1" is the ordinal of MEDIUM; priority: "20" is NORMAL's value.
        assertThat(s.size).isEqualTo(Size.MEDIUM);
        assertThat(s.priority).isEqualTo(Priority.NORMAL);
        assertThat(s.color).isEqualTo(Color.RED);
    }

    @Test
    void lookupsTakeTheConstants(Queries queries) {
        saved("a", Color.RED, Size.SMALL, Year.FRESHMAN, Priority.LOW);
        saved("b", Color.GREEN, Size.MEDIUM, Year.SOPHOMORE, Priority.NORMAL);
        saved("c", Color.BLUE, Size.LARGE, null, Priority.VERY_HIGH);
        queries.assertNumQueries(8, () -> {
            assertThat(names(Shirt.objects.filter("color", Color.GREEN).list())).containsExactly("b");
            assertThat(names(Shirt.objects.filter("color__in", List.of(Color.RED, Color.BLUE)).orderBy("name").list()))
                    .containsExactly("a", "c");
            assertThat(names(Shirt.objects.exclude("color", Color.RED).orderBy("name").list())).containsExactly("b", "c");
            // Ordinals and Choice values compare as numbers: SMALL < MEDIUM < LARGE, LOW < NORMAL < VERY_HIGH.
            assertThat(names(Shirt.objects.filter("size__gt", Size.SMALL).orderBy("name").list())).containsExactly("b", "c");
            assertThat(names(Shirt.objects.filter("priority__range", List.of(Priority.NORMAL, Priority.VERY_HIGH))
                    .orderBy("name").list())).containsExactly("b", "c");
            assertThat(names(Shirt.objects.filter("year__in", new Year[] {Year.SOPHOMORE, Year.JUNIOR}).list()))
                    .containsExactly("b");
            assertThat(names(Shirt.objects.filter("year__isnull", true).list())).containsExactly("c");
            // The stored form works too, as in Django, where the choice's value is what is compared.
            assertThat(Shirt.objects.filter("year", "FR").count()).isEqualTo(1);
        });
    }

    @Test
    void orderingFollowsTheStoredForm(Queries queries) {
        saved("a", Color.RED, Size.LARGE, Year.FRESHMAN, Priority.LOW);
        saved("b", Color.BLUE, Size.SMALL, Year.SOPHOMORE, Priority.VERY_HIGH);
        saved("c", Color.GREEN, Size.MEDIUM, Year.JUNIOR, Priority.NORMAL);
        queries.assertNumQueries(4, () -> {
            assertThat(names(Shirt.objects.orderBy("size").list())).containsExactly("b", "c", "a");
            assertThat(names(Shirt.objects.orderBy("-priority").list())).containsExactly("b", "c", "a");
            // By name and by text value: the order of the stored text, not of the constants.
            assertThat(names(Shirt.objects.orderBy("color").list())).containsExactly("b", "c", "a");
            assertThat(names(Shirt.objects.orderBy("year").list())).containsExactly("a", "c", "b");
        });
    }

    @Test
    void valuesAndValuesListGiveTheConstants(Queries queries) {
        saved("a", Color.RED, Size.LARGE, Year.FRESHMAN, Priority.LOW);
        saved("b", Color.RED, Size.SMALL, null, Priority.LOW);
        saved("c", Color.BLUE, Size.SMALL, null, Priority.NORMAL);
        queries.assertNumQueries(4, () -> {
            assertThat(Shirt.objects.orderBy("name").valuesList("size", Size.class).list())
                    .containsExactly(Size.LARGE, Size.SMALL, Size.SMALL);
            assertThat(Shirt.objects.orderBy("name").valuesList("year", Year.class).list())
                    .containsExactly(Year.FRESHMAN, null, null);
            assertThat(Shirt.objects.filter("name", "c").values("color", "priority").list())
                    .containsExactly(Map.of("color", Color.BLUE, "priority", Priority.NORMAL));
            // Grouping by an enum field: its constants are the keys.
            Map<Object, Object> perColor = new LinkedHashMap<>();
            Shirt.objects.values("color").annotate("n", count("id")).orderBy("color").list()
                    .forEach(row -> perColor.put(row.get("color"), row.get("n")));
            assertThat(perColor).containsExactly(Map.entry(Color.BLUE, 1L), Map.entry(Color.RED, 2L));
        });
        assertThatThrownBy(() -> Shirt.objects.valuesList("size", String.class).list())
                .hasMessageContaining("size holds Size values");
    }

    @Test
    void createAndUpdateTakeConstantsAndStoredForms(Queries queries) {
        Shirt made = queries.assertNumQueries(1, () -> Shirt.objects.create(Map.of("name", "m", "color", "BLUE",
                "size", Size.SMALL, "year", "JR", "priority", 30)));
        assertThat(made.color).isEqualTo(Color.BLUE);
        assertThat(made.year).isEqualTo(Year.JUNIOR);
        assertThat(made.priority).isEqualTo(Priority.VERY_HIGH);
        queries.assertNumQueries(1, () -> Shirt.objects.filter("pk", made.id).update(Map.of("color", Color.GREEN,
                "priority", Priority.LOW, "size", 2)));
        Shirt back = Shirt.objects.get("pk", made.id);
        assertThat(List.of(back.color, back.priority, back.size)).containsExactly(Color.GREEN, Priority.LOW, Size.LARGE);
        queries.assertNumQueries(0, () -> {
            assertThatThrownBy(() -> Shirt.objects.create(Map.of("color", "PURPLE")))
                    .isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Shirt.color").hasMessageContaining("expected one of the names of Color");
            assertThatThrownBy(() -> Shirt.objects.create(Map.of("color", Size.SMALL)))
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("expected a Color");
            assertThatThrownBy(() -> Shirt.objects.create(Map.of("size", 3)))
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("expected one of the ordinals of Size");
            assertThatThrownBy(() -> Shirt.objects.filter("pk", made.id).update("year", "XX"))
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("expected one of the values of Year");
        });
    }

    @Test
    void aStoredValueNoConstantHasIsRefusedNamingTheRowAndField(Quarry quarry, Queries queries) {
        Shirt s = saved("odd", Color.RED, Size.SMALL, Year.FRESHMAN, Priority.LOW);
        write(quarry, "color", "PINK", s.id);
        assertThatThrownBy(() -> queries.assertNumQueries(1, () -> Shirt.objects.get("pk", s.id)))
                .isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Shirt with id = " + s.id)
                .hasMessageContaining("Shirt.color")
                .hasMessageContaining("not a Color")
                .satisfies(e -> assertThat(((InvalidValueError) e).field()).isEqualTo("color"));
        write(quarry, "color", "RED", s.id);
        write(quarry, "size", 7, s.id);
        assertThatThrownBy(() -> Shirt.objects.valuesList("size", Size.class).list())
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("not a Size");
    }

    @Test
    void fullCleanChecksChoicesInTheirStoredForm(Queries queries) {
        Shirt s = Shirt.of("x", Color.RED, Size.SMALL, null, Priority.LOW);
        s.trim = Color.GREEN;
        s.color = null;
        queries.assertNumQueries(0, () -> assertThatThrownBy(s::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> {
                    assertThat(e.fieldErrors().get("trim")).containsExactly(
                            "Value 'GREEN' is not a valid choice. Choices are: RED, BLUE");
                    assertThat(e.fieldErrors().get("color")).containsExactly("This field cannot be null.");
                }));
        s.trim = Color.BLUE;
        s.color = Color.BLUE;
        s.fullClean();
    }

    @Test
    void choicesListTheConstantsWithTheirLabels(Quarry quarry) {
        var info = quarry.model(Shirt.class);
        assertThat(info.field("size").choices()).containsExactly(Map.entry(Size.SMALL, "Small (S)"),
                Map.entry(Size.MEDIUM, "Medium (M)"), Map.entry(Size.LARGE, "Large (L)"));
        // Derived as Django derives a label: words of the name, each capitalised.
        assertThat(info.field("priority").choices()).containsExactly(Map.entry(Priority.LOW, "Low"),
                Map.entry(Priority.NORMAL, "Normal"), Map.entry(Priority.VERY_HIGH, "Very High"));
        assertThat(info.field("trim").choices()).containsExactly(Map.entry(Color.RED, "Red"), Map.entry(Color.BLUE, "Blue"));
        assertThat(info.field("name").choices()).isEmpty();
    }

    // ---- start-up checks ----

    /** GREEN does not fit in 4 characters. */
    public static class TooShort extends Model {
        @CharField(maxLength = 4)
        public Color color;
    }

    /** An enum in a decimal column. */
    public static class WrongKind extends Model {
        @DecimalField(maxDigits = 3, decimalPlaces = 0)
        public Color color;
    }

    /** Two constants with one stored value. */
    public enum Twins implements Choice<String> {
        A, B;

        @Override
        public String value() {
            return "same";
        }
    }

    /** Holds {@link Twins}. */
    public static class Clash extends Model {
        @CharField(maxLength = 4)
        public Twins twins;
    }

    /** A text Choice in an integer column. */
    public static class TextInInteger extends Model {
        @IntegerField
        public Year year;
    }

    /** A declared choice that no constant is stored as. */
    public static class UnknownChoice extends Model {
        @CharField(maxLength = 5, choices = {"RED", "PINK"})
        public Color color;
    }

    /** A default that is no constant's stored form. */
    public static class UnknownDefault extends Model {
        @CharField(maxLength = 5, defaultValue = "PINK")
        public Color color;
    }

    @Test
    void misfitEnumsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> ModelMeta.of(TooShort.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("TooShort.color: maxLength = 4 is too short for Color.GREEN");
        assertThatThrownBy(() -> ModelMeta.of(WrongKind.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("WrongKind.color: an enum (Color) is stored by name in a @CharField");
        assertThatThrownBy(() -> ModelMeta.of(Clash.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Twins.A and Twins.B are stored as the same value");
        assertThatThrownBy(() -> ModelMeta.of(TextInInteger.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Year.FRESHMAN has the Choice value of type String, but an integer column");
        assertThatThrownBy(() -> ModelMeta.of(UnknownChoice.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("choice 'PINK'");
        assertThatThrownBy(() -> ModelMeta.of(UnknownDefault.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("defaultValue 'PINK'");
    }

    private static List<String> names(List<Shirt> shirts) {
        return shirts.stream().map(s -> s.name).toList();
    }
}
