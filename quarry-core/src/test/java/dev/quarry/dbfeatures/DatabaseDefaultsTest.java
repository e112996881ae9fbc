package dev.quarry.dbfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.InvalidValueError;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.Defaults;
import dev.quarry.annotation.IntegerField;
import dev.quarry.model.ModelMeta;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code defaultSupplier} (Django's callable {@code default}: called once per new instance, never written
 * into the schema) and {@code dbDefault} (Django 5's {@code db_default}, which Django 3.2 lacks: the schema
 * holds the default; an instance saved with {@code null} there leaves the column out of its INSERT and reads
 * the database's value back with RETURNING, in the same statement). Django 3.2's side of the callable default
 * is checked by {@code django_db_features.py} beside this test's resources.
 */
@QuarryTest(models = {Ticket.class})
class DatabaseDefaultsTest {

    @Test
    void aSupplierIsCalledForEachNewInstanceAndItsValueChecked() {
        Ticket a = Ticket.titled("a");
        Ticket b = Ticket.titled("b");
        // django_db_features.py: "codes 1 2" (each instance calls the callable once)
        assertThat(b.number).isEqualTo(a.number + 1);
        // Loading rows does not call it (Django's from_db passes the row's values to __init__).
        a.save();
        int calls = Ticket.NextNumber.COUNTER.get();
        assertThat(Ticket.objects.get("pk", a.id).number).isEqualTo(a.number);
        assertThat(Ticket.NextNumber.COUNTER.get()).isEqualTo(calls);
        assertThatThrownBy(() -> ModelMeta.of(BadSupplier.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("BadSupplier.code: defaultSupplier excludes defaultValue");
        assertThatThrownBy(BadValue::new).isInstanceOf(InvalidValueError.class)
                .hasMessageContaining("BadValue.code");
    }

    @Test
    void nullDbDefaultFieldsAreLeftToTheDatabaseAndReadBackInTheSameStatement(Queries queries) {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        Ticket t = Ticket.titled("first");
        assertThat(t.priority).isNull();
        List<dev.quarry.ExecutedQuery> q = queries.assertNumQueries(1, t::save);
        String sql = q.get(0).sql();
        assertThat(sql.substring(0, sql.indexOf("VALUES"))).doesNotContain("priority").doesNotContain("created");
        assertThat(sql.substring(sql.indexOf("RETURNING"))).contains("priority").contains("created");
        assertThat(t.priority).isEqualTo(5);
        assertThat(t.status).isEqualTo("new");
        assertThat(t.open).isTrue();
        assertThat(t.created).isBetween(before, Instant.now().plusSeconds(1));
        Ticket back = queries.assertNumQueries(1, () -> Ticket.objects.get("pk", t.id));
        assertThat(back.priority).isEqualTo(5);
        assertThat(back.created).isEqualTo(t.created);
    }

    @Test
    void givenValuesAreWrittenAsUsual(Queries queries) {
        Ticket t = Ticket.titled("given");
        t.priority = 1;
        t.status = "closed";
        t.open = false;
        t.created = Instant.parse("2020-01-02T03:04:05.123456Z");
        queries.assertNumQueries(1, t::save);
        Ticket back = Ticket.objects.get("pk", t.id);
        assertThat(List.of(back.priority, back.status, back.open, back.created))
                .containsExactly(1, "closed", false, Instant.parse("2020-01-02T03:04:05.123456Z"));
        assertThat(Ticket.objects.filter("priority", 5).count()).isZero();
    }

    @Test
    void bulkCreateWritesOneInsertPerShapeOfLeftOutColumns(Queries queries) {
        Ticket a = Ticket.titled("a");
        Ticket b = Ticket.titled("b");
        b.priority = 9;
        Ticket c = Ticket.titled("c");
        List<dev.quarry.ExecutedQuery> q = queries.captured(() -> Ticket.objects.bulkCreate(List.of(a, b, c)));
        assertThat(q.stream().filter(e -> e.sql().startsWith("INSERT")).count()).isEqualTo(2);
        assertThat(List.of(a.priority, b.priority, c.priority)).containsExactly(5, 9, 5);
        assertThat(Ticket.objects.orderBy("title").valuesList("priority", Integer.class).list()).containsExactly(5, 9, 5);
        assertThat(List.of(a.id, b.id, c.id)).doesNotContainNull();
    }

    @Test
    void withoutReturningTheDatabaseValuesAreReadBackByKey(Queries queries) {
        // An insert that ignores conflicts cannot use RETURNING (skipped rows return nothing): the columns left
        // to the database are read back with one SELECT per instance with a key, the path of a database
        // without RETURNING.
        Ticket a = Ticket.titled("a");
        a.id = 1001L;
        Ticket b = Ticket.titled("b");
        b.id = 1002L;
        List<dev.quarry.ExecutedQuery> q = queries.captured(
                () -> Ticket.objects.bulkCreate(List.of(a, b), dev.quarry.OnConflict.ignore()));
        assertThat(q.stream().filter(e -> e.sql().startsWith("INSERT")).count()).isEqualTo(1);
        assertThat(q.stream().filter(e -> e.sql().startsWith("SELECT") && e.sql().contains("priority")).count()).isEqualTo(2);
        assertThat(List.of(a.priority, b.priority)).containsExactly(5, 5);
        assertThat(List.of(a.status, b.status)).containsExactly("new", "new");
        assertThat(a.created).isNotNull();
    }

    @Test
    void fullCleanAcceptsNullWhereTheDatabaseSuppliesTheValue() {
        Ticket t = Ticket.titled("clean");
        t.locked = "A";
        t.fullClean();
    }

    @Test
    void dbDefaultsThatCannotWorkAreRefusedAtStartUp() {
        assertThatThrownBy(() -> ModelMeta.of(PrimitiveDbDefault.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("PrimitiveDbDefault.count declares a dbDefault but its Java type int is never null");
        assertThatThrownBy(() -> ModelMeta.of(NaiveNow.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("NaiveNow.at: dbDefault = Defaults.NOW needs an aware DateTimeField");
        assertThatThrownBy(() -> ModelMeta.of(BadDbDefault.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("BadDbDefault.size");
    }

    /** defaultValue and defaultSupplier together. */
    public static class BadSupplier extends Model {
        @IntegerField(defaultValue = "1", defaultSupplier = Ticket.NextNumber.class)
        public Integer code;
    }

    /** A supplier whose value does not fit the field. */
    public static class BadValue extends Model {
        /** Gives text to an integer field. */
        public static final class Text implements Supplier<String> {
            /** Needed by the annotation. */
            public Text() {}

            @Override
            public String get() {
                return "not a number";
            }
        }

        @IntegerField(defaultSupplier = Text.class)
        public Integer code;
    }

    /** A database default on a primitive. */
    public static class PrimitiveDbDefault extends Model {
        @IntegerField(dbDefault = "3")
        public int count;
    }

    /** The database's time for a naive date-time. */
    public static class NaiveNow extends Model {
        @DateTimeField(dbDefault = Defaults.NOW)
        public LocalDateTime at;
    }

    /** A database default that is no value of the field. */
    public static class BadDbDefault extends Model {
        @IntegerField(dbDefault = "many")
        public Integer size;
    }

    static {
        // Keep the unused-manager warning away: these models are read for their metadata only.
        Manager.of(BadSupplier.class);
    }
}
