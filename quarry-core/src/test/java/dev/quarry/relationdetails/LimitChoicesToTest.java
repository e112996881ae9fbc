package dev.quarry.relationdetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.ValidationError;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @ForeignKey(limitChoicesTo = "activeWriters")}: {@code fullClean()} checks, with one query per
 * foreign key as Django's {@code ForeignKey.validate}, that the target exists and matches the filter the
 * named static method returns; the filter is part of the public metadata. Expected values from Django 3.2
 * ({@code django_relation_details.py}).
 */
@QuarryTest(models = {Country.class, Writer.class, Novel.class, Chapter.class})
class LimitChoicesToTest {

    private static Novel novelBy(Writer w) {
        Novel n = new Novel();
        n.title = "New";
        n.writer.set(w);
        return n;
    }

    @Test
    void aTargetOutsideTheChoicesIsInvalid(Queries queries) {
        Writer cid = RelationDetailsRows.create().get(2);
        Novel n = novelBy(cid);
        // Django: {'writer': ['writer instance with id <cid> does not exist.']}, after one query.
        queries.assertNumQueries(1, () -> assertThatThrownBy(n::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsExactly(Map.entry("writer",
                        List.of("writer instance with id " + cid.pk() + " does not exist.")))));
    }

    @Test
    void aTargetInsideTheChoicesIsValid(Queries queries) {
        Writer amy = RelationDetailsRows.create().get(0);
        // Django: full_clean() with an active writer -> no error, one query.
        queries.assertNumQueries(1, () -> novelBy(amy).fullClean());
        // Django: writer None on a nullable key with blank=False -> {'writer': ['This field cannot be blank.']}, no query.
        Novel none = new Novel();
        none.title = "None";
        queries.assertNumQueries(0, () -> assertThatThrownBy(none::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsExactly(Map.entry("writer", List.of("This field cannot be blank.")))));
    }

    @Test
    void aMissingTargetIsInvalidWithOrWithoutALimit(Queries queries) {
        RelationDetailsRows.create();
        Novel n = new Novel();
        n.title = "New";
        n.writer.setId(9999L);
        // Django: {'writer': ['writer instance with id 9999 does not exist.']}, one query.
        queries.assertNumQueries(1, () -> assertThatThrownBy(n::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors().get("writer")).containsExactly("writer instance with id 9999 does not exist.")));
        // Django: a plain foreign key is checked the same way: one query, valid or not.
        Chapter ch = new Chapter();
        ch.novel.set(RelationDetailsRows.novel("Alpha"));
        ch.number = 3;
        queries.assertNumQueries(1, ch::fullClean);
        ch.novel.setId(9999L);
        queries.assertNumQueries(1, () -> assertThatThrownBy(ch::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors().get("novel")).containsExactly("novel instance with id 9999 does not exist.")));
    }

    @Test
    void theFilterIsPartOfTheMetadata(Quarry quarry, Queries queries) {
        // Django: Novel._meta.get_field('writer').get_limit_choices_to() -> {'active': True}.
        queries.assertNumQueries(0, () -> {
            assertThat(quarry.model(Novel.class).relation("writer").orElseThrow().limitChoicesTo())
                    .isEqualTo(Q.of("active", true));
            assertThat(quarry.model(Chapter.class).relation("novel").orElseThrow().limitChoicesTo()).isNull();
        });
        // The filter is usable as it is, to list the choices a form would offer.
        RelationDetailsRows.create();
        Q choices = quarry.model(Novel.class).relation("writer").orElseThrow().limitChoicesTo();
        assertThat(Writer.objects.filter(choices).orderBy("name").list().stream().map(w -> w.name).toList())
                .containsExactly("amy", "bea", "dot");
    }

    /** Names a method that does not exist. */
    public static class Misnamed extends Model {
        public static final Manager<Misnamed> objects = Manager.of(Misnamed.class);

        @ForeignKey(onDelete = OnDelete.CASCADE, limitChoicesTo = "activ")
        public Ref<Writer> writer;
    }

    @Test
    void aMissingMethodIsRefusedAtStartUp() {
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(Writer.class, Country.class,
                Misnamed.class).build()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Misnamed.writer declares limitChoicesTo = \"activ\"")
                .hasMessageContaining("static Q activ()");
    }
}
