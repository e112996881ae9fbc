package dev.quarry.fields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.IntegrityError;
import dev.quarry.InvalidValueError;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.ValidationError;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.Defaults;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.model.FieldMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.FieldType;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.OnlyOn;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Field options say what they do: "no default" is {@link Defaults#NONE}, so {@code ""} is a
 * default; defaults are in every new instance (Django's {@code Model.__init__}); every value a user
 * gives (default, create(), lookup) goes through one conversion per field kind, which refuses what
 * the field cannot hold instead of wrapping or guessing.
 */
@QuarryTest(models = {Profile.class, Team.class, Player.class})
class FieldOptionsTest {

    // ---- defaults ----

    @Test
    void emptyStringDefaultIsInTheNewInstanceStoredAndReadBack() {
        Profile p = new Profile();
        assertThat(p.nickname).isEmpty();
        p.save();
        assertThat(Profile.objects.get("pk", p.id).nickname).isEmpty();
        assertThat(Profile.objects.filter("nickname", "").count()).isEqualTo(1);
    }

    @Test
    void defaultOnAPrimitiveFieldIsInTheNewInstanceAndTheSavedRow() {
        Profile p = new Profile();
        assertThat(p.rating).isEqualTo(5);
        p.save();
        assertThat(Profile.objects.filter("pk", p.id).valuesList("rating", Integer.class).list()).containsExactly(5);
        Profile created = Profile.objects.create(Map.of("nickname", "ann"));
        assertThat(Profile.objects.get("pk", created.id).rating).isEqualTo(5);
    }

    @Test
    void booleanDefaultsAcceptDjangoTextForms() {
        Profile p = new Profile();
        // "1" and "true" mean true, "f" false: the same forms a lookup accepts.
        assertThat(p.active).isTrue();
        assertThat(p.verified).isTrue();
        assertThat(p.banned).isFalse();
        p.save();
        Profile back = Profile.objects.get("pk", p.id);
        assertThat(back.active).isTrue();
        assertThat(back.verified).isTrue();
        assertThat(back.banned).isFalse();
    }

    @Test
    void javaFieldInitializerOverridesTheDeclaredDefault() {
        assertThat(new Profile().level).isEqualTo(9);
        assertThat(Profile.objects.create(Map.of()).level).isEqualTo(9);
    }

    @Test
    void nullSetAfterConstructionIsNotReplacedByTheDefault() {
        // Django: the default is applied in __init__, never at save; a later None is validated and saved as NULL.
        Profile p = new Profile();
        p.bio = null;
        assertThatThrownBy(p::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors().get("bio")).containsExactly("This field cannot be null."));
        assertThatThrownBy(p::save).isInstanceOf(IntegrityError.class);
    }

    @Test
    void foreignKeyDefaultIsConvertedToTheTargetKeyTypeAndUsedBySetDefault() {
        Team.objects.create(Map.of("number", 0, "name", "free agents"));
        Team red = Team.objects.create(Map.of("number", 7, "name", "red"));
        assertThat(new Player().team.id()).isEqualTo(0);
        Player p = Player.objects.create(Map.of("name", "Ann", "team", red));
        red.delete();
        assertThat(Player.objects.get("pk", p.id).team.id()).isEqualTo(0);
        assertThat(Player.objects.filter("team__name", "free agents").count()).isEqualTo(1);
    }

    // ---- defaults refused at start-up ----

    public static class BadBooleanDefault extends Model {
        @BooleanField(defaultValue = "yes")
        public boolean flag;
    }

    public static class EmptyIntegerDefault extends Model {
        @IntegerField(defaultValue = "")
        public Integer count;
    }

    public static class OutOfRangeDefault extends Model {
        @SmallIntegerField(defaultValue = "70000")
        public short size;
    }

    public static class EmptyForeignKeyDefault extends Model {
        @ForeignKey(onDelete = OnDelete.SET_DEFAULT, defaultValue = "")
        public Ref<Team> team;
    }

    public static class DefaultAndAutoNow extends Model {
        @DateTimeField(autoNow = true, defaultValue = "2024-02-29T13:45:10Z")
        public Instant stamp;
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusedAtStartUp(Class<? extends Model> model) {
        return assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(model).build().close())
                .isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void badBooleanDefaultIsRefusedAtStartUpNamingModelFieldAndValue() {
        refusedAtStartUp(BadBooleanDefault.class).hasMessageContaining("BadBooleanDefault.flag")
                .hasMessageContaining("'yes'").hasMessageContaining("'t', 'true', '1'");
    }

    @Test
    void emptyStringDefaultIsRefusedWhereItIsNotAValue() {
        refusedAtStartUp(EmptyIntegerDefault.class).hasMessageContaining("EmptyIntegerDefault.count")
                .hasMessageContaining("defaultValue ''").hasMessageContaining("whole number");
        refusedAtStartUp(EmptyForeignKeyDefault.class).hasMessageContaining("EmptyForeignKeyDefault.team")
                .hasMessageContaining("defaultValue ''");
    }

    @Test
    void outOfRangeDefaultIsRefusedAtStartUp() {
        refusedAtStartUp(OutOfRangeDefault.class).hasMessageContaining("OutOfRangeDefault.size")
                .hasMessageContaining("'70000'").hasMessageContaining("-32768 to 32767");
    }

    @Test
    void defaultAndAutoNowTogetherAreRefusedAtStartUp() {
        // Django fields.E160
        refusedAtStartUp(DefaultAndAutoNow.class).hasMessageContaining("DefaultAndAutoNow.stamp")
                .hasMessageContaining("mutually exclusive");
    }

    // ---- one conversion: create() and lookups ----

    @Test
    void booleanLookupsByTextNumberAndBooleanAgree() {
        Profile.objects.create(Map.of("nickname", "on", "active", true));
        Profile.objects.create(Map.of("nickname", "off", "active", "0"));
        for (Object yes : List.of(true, "1", "t", "TRUE", "true", 1)) {
            assertThat(Profile.objects.filter("active", yes).valuesList("nickname", String.class).list())
                    .as("active = %s", yes).containsExactly("on");
        }
        for (Object no : List.of(false, "0", "f", "False", 0)) {
            assertThat(Profile.objects.filter("active", no).valuesList("nickname", String.class).list())
                    .as("active = %s", no).containsExactly("off");
        }
        assertThatThrownBy(() -> Profile.objects.filter("active", "yes")).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.active").hasMessageContaining("'yes'");
        assertThatThrownBy(() -> Profile.objects.create(Map.of("active", "yes"))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.active").hasMessageContaining("'yes'");
    }

    @Test
    void createConvertsTextForDateDecimalIntegerAndUuidFields() {
        Profile p = Profile.objects.create(Map.of("joined", "2024-02-29", "balance", "12.50", "score", "42", "rank", 7, "visits", 3L, "token", "123e4567-e89b-12d3-a456-426614174000"));
        assertThat(p.joined).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(p.balance).isEqualTo(new BigDecimal("12.50"));
        assertThat(p.score).isEqualTo(42);
        assertThat(p.rank).isEqualTo((short) 7);
        assertThat(p.visits).isEqualTo(3);
        Profile back = Profile.objects.get("pk", p.id);
        assertThat(back.joined).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(back.balance).isEqualByComparingTo("12.5");
        assertThat(back.score).isEqualTo(42);
        assertThat(back.rank).isEqualTo((short) 7);
        assertThat(back.token).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    }

    @Test
    void textThatIsNotAValueOfTheFieldIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Profile.objects.create(Map.of("joined", "29/02/2024"))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.joined").hasMessageContaining("'29/02/2024'");
        assertThatThrownBy(() -> Profile.objects.create(Map.of("score", "4.5"))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.score").hasMessageContaining("whole number");
        assertThatThrownBy(() -> Profile.objects.create(Map.of("token", "1-2-3-4-5"))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.token");
        assertThatThrownBy(() -> Profile.objects.filter("score", "many")).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.score").hasMessageContaining("'many'").hasMessageContaining("exact");
    }

    @Test
    void numbersOutOfTheFieldRangeAreRefusedBeforeAnySql(Queries queries) {
        queries.assertNumQueries(0, () -> {
            // 3_000_000_000 would wrap to -1_294_967_296 in an int; 70_000 to 4_464 in a short.
            assertThatThrownBy(() -> Profile.objects.create(Map.of("score", 3_000_000_000L))).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Profile.score").hasMessageContaining("3000000000");
            assertThatThrownBy(() -> Profile.objects.create(Map.of("visits", 3_000_000_000L))).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Profile.visits");
            assertThatThrownBy(() -> Profile.objects.create(Map.of("rank", 70_000))).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Profile.rank").hasMessageContaining("70000")
                    .hasMessageContaining("-32768 to 32767");
            assertThatThrownBy(() -> Profile.objects.filter("score", 3_000_000_000L)).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Profile.score").hasMessageContaining("3000000000");
            assertThatThrownBy(() -> Profile.objects.filter("rank__gt", 70_000)).isInstanceOf(InvalidValueError.class)
                    .hasMessageContaining("Profile.rank").hasMessageContaining("gt");
            assertThatThrownBy(() -> Profile.objects.filter("rank__in", List.of(1, "70000")))
                    .isInstanceOf(InvalidValueError.class).hasMessageContaining("Profile.rank");
        });
    }

    @Test
    @OnlyOn("sqlite") // only SQLite stores 70000 in a smallint column; the others refuse it on write
    void loadedValueOutsideTheJavaFieldIsRefusedInsteadOfWrapped(Quarry quarry) {
        Profile p = Profile.objects.create(Map.of("rank", 1));
        var db = dev.quarry.load.Session.of(quarry).database();
        var ops = db.backend().operations();
        db.update(CompiledSql.of("UPDATE " + ops.quoteName("profile") + " SET " + ops.quoteName("rank")
                + " = 70000 WHERE " + ops.quoteName("id") + " = ?", List.of(p.id)));
        assertThatThrownBy(() -> Profile.objects.get("pk", p.id)).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.rank").hasMessageContaining("70000");
    }

    @Test
    void nullForAPrimitiveFieldIsRefused() {
        assertThatThrownBy(() -> Profile.objects.create(java.util.Collections.singletonMap("rating", null))).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("Profile.rating").hasMessageContaining("primitive");
    }

    @Test
    void foreignKeyTakesAnInstanceOrAKeyInAnyFormOfTheTargetKey() {
        Team blue = Team.objects.create(Map.of("number", 3, "name", "blue"));
        assertThat(Player.objects.create(Map.of("name", "a", "team", blue)).team.id()).isEqualTo(3);
        assertThat(Player.objects.create(Map.of("name", "b", "team", "3")).team.id()).isEqualTo(3);
        assertThat(Player.objects.create(Map.of("name", "c", "team", 3L)).team.id()).isEqualTo(3);
        assertThatThrownBy(() -> Player.objects.create(Map.of("name", "d", "team", new Profile())))
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("Player.team").hasMessageContaining("Team");
    }

    // ---- every annotation type's options ----

    private record Expected(String field, FieldType type, String column, boolean nullable, boolean blank, boolean unique,
                            boolean dbIndex, List<String> choices, Object defaultValue) {}

    private static List<Expected> expectedOptions() {
        List<Expected> rows = new java.util.ArrayList<>();
        Object[][] kinds = {
            {"char", FieldType.CHAR, "char_col", List.of("c", "d"), "c"},
            {"text", FieldType.TEXT, "text_col", List.of("t"), "t"},
            {"integer", FieldType.INTEGER, "integer_col", List.of("1", "2"), 1},
            {"small", FieldType.SMALLINT, "small_col", List.of("2"), (short) 2},
            {"positiveSmall", FieldType.POSITIVE_SMALLINT, "psmall_col", List.of("3"), 3},
            {"positive", FieldType.POSITIVE_INTEGER, "pint_col", List.of("4"), 4L},
            {"big", FieldType.BIGINT, "big_col", List.of("5"), 5L},
            {"bool", FieldType.BOOLEAN, "bool_col", List.of("true"), true},
            {"float", FieldType.FLOAT, "float_col", List.of("0.5"), 0.5},
            {"decimal", FieldType.DECIMAL, "decimal_col", List.of("1.25"), new BigDecimal("1.25")},
            {"date", FieldType.DATE, "date_col", List.of("2024-02-29"), LocalDate.of(2024, 2, 29)},
            {"dateTime", FieldType.DATETIME, "datetime_col", List.of("2024-02-29T13:45:10Z"),
                Instant.parse("2024-02-29T13:45:10Z")},
            {"uuid", FieldType.UUID, "uuid_col", List.of("123e4567-e89b-12d3-a456-426614174000"),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000")},
        };
        for (Object[] k : kinds) {
            String name = (String) k[0];
            FieldType type = (FieldType) k[1];
            @SuppressWarnings("unchecked")
            List<String> choices = (List<String>) k[3];
            rows.add(new Expected(name + "A", type, (String) k[2], true, false, true, false, choices, k[4]));
            String snake = name.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT) + "_b";
            rows.add(new Expected(name + "B", type, snake, false, true, false, true, List.of(), null));
        }
        // Foreign keys are always indexed; their default is converted to the target's key type (Team.number: Integer).
        rows.add(new Expected("teamA", FieldType.INTEGER, "team_col", true, false, true, true, List.of(), 4));
        rows.add(new Expected("teamB", FieldType.INTEGER, "team_b_id", false, true, false, true, List.of(), null));
        return rows;
    }

    @Test
    void everyAnnotationTypeHonoursItsOptions() {
        ModelMeta meta = ModelMeta.of(AllOptions.class);
        List<Expected> rows = expectedOptions();
        assertThat(meta.fields()).hasSize(rows.size() + 1); // and the automatic id
        for (Expected row : rows) {
            FieldMeta f = meta.requireField(row.field());
            FieldMeta.FieldOptions o = f.options();
            assertThat(f.type()).as(row.field() + " type").isEqualTo(row.type());
            assertThat(f.column()).as(row.field() + " dbColumn").isEqualTo(row.column());
            assertThat(o.nullable()).as(row.field() + " nullable").isEqualTo(row.nullable());
            assertThat(o.blank()).as(row.field() + " blank").isEqualTo(row.blank());
            assertThat(o.unique()).as(row.field() + " unique").isEqualTo(row.unique());
            assertThat(o.dbIndex()).as(row.field() + " dbIndex").isEqualTo(row.dbIndex());
            assertThat(o.choices()).as(row.field() + " choices").isEqualTo(row.choices());
            assertThat(o.defaultValue()).as(row.field() + " defaultValue").isEqualTo(row.defaultValue());
            assertThat(o.primaryKey()).as(row.field() + " primaryKey").isFalse();
        }
        assertThat(meta.pk().auto()).isTrue();
        assertThat(meta.requireField("charA").options().maxLength()).isEqualTo(7);
        assertThat(meta.requireField("charB").options().maxLength()).isEqualTo(9);
        assertThat(meta.requireField("decimalA").options()).extracting("maxDigits", "decimalPlaces").containsExactly(6, 3);
        assertThat(meta.requireField("decimalB").options()).extracting("maxDigits", "decimalPlaces").containsExactly(5, 1);
        assertThat(meta.requireField("dateB").options()).extracting("autoNow", "autoNowAdd").containsExactly(true, false);
        assertThat(meta.requireField("dateTimeB").options()).extracting("autoNow", "autoNowAdd").containsExactly(false, true);
        assertThat(meta.requireField("dateA").options()).extracting("autoNow", "autoNowAdd").containsExactly(false, false);
        FieldMeta key = ModelMeta.of(Team.class).pk();
        assertThat(key.name()).isEqualTo("number");
        assertThat(key.primaryKey()).isTrue();
        assertThat(key.options().unique()).isTrue();
    }

    @Test
    void newInstancesHoldEveryDeclaredDefault() {
        AllOptions o = new AllOptions();
        for (Expected row : expectedOptions()) {
            FieldMeta f = ModelMeta.of(AllOptions.class).requireField(row.field());
            Object value = f.isForeignKey() ? ((Ref<?>) f.get(o)).id() : f.get(o);
            if (row.defaultValue() != null) {
                assertThat(value).as(row.field()).isEqualTo(row.defaultValue());
            }
        }
    }

    @Test
    void noDefaultIsItsOwnValueSoAnEmptyStringIsADefault() throws NoSuchFieldException {
        assertThat(Profile.class.getField("nickname").getAnnotation(CharField.class).defaultValue()).isEmpty();
        assertThat(ModelMeta.of(Profile.class).requireField("nickname").options().hasDefault()).isTrue();
        assertThat(Profile.class.getField("joined").getAnnotation(dev.quarry.annotation.DateField.class).defaultValue())
                .isEqualTo(Defaults.NONE);
        assertThat(ModelMeta.of(Profile.class).requireField("joined").options().hasDefault()).isFalse();
        assertThat(new Profile().joined).isNull();
    }
}
