package dev.quarry.naming;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import org.junit.jupiter.api.Test;

/** The start-up checks: bad declarations fail when the models are registered, naming what is wrong. */
class RegistryTest {
    public static class Target extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class ClashA extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "things")
        public Ref<Target> first;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "things")
        public Ref<Target> second;
    }

    public static class ClashesWithField extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "name")
        public Ref<Target> target;
    }

    public static class NotARef extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Target target;
    }

    public static class NoMaxLength extends Model {
        @CharField(maxLength = 0)
        public String name;
    }

    public static class NullablePrimitive extends Model {
        @IntegerField(nullable = true)
        public int n;
    }

    public static class SetNullNotNullable extends Model {
        @ForeignKey(onDelete = OnDelete.SET_NULL)
        public Ref<Target> target;
    }

    public static class AmbiguousName extends Model {
        @CharField(maxLength = 10)
        public String first__name;
    }

    private static void build(Class<?>... models) {
        Quarry.builder().url("jdbc:sqlite::memory:").models(models).build().close();
    }

    @Test
    void twoRelationsClaimingOneReverseNameAreNamedBoth() {
        assertThatThrownBy(() -> build(ClashA.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("ClashA.first").hasMessageContaining("ClashA.second").hasMessageContaining("things");
    }

    @Test
    void aReverseNameClashingWithAFieldIsRefused() {
        assertThatThrownBy(() -> build(ClashesWithField.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("Target.name");
    }

    @Test
    void declarationsThatCannotWorkAreRefusedWithTheReason() {
        assertThatThrownBy(() -> build(NotARef.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("NotARef.target").hasMessageContaining("Ref<Target>");
        assertThatThrownBy(() -> build(NoMaxLength.class)).hasMessageContaining("maxLength");
        assertThatThrownBy(() -> build(NullablePrimitive.class)).hasMessageContaining("boxed");
        assertThatThrownBy(() -> build(SetNullNotNullable.class)).hasMessageContaining("SET_NULL");
        assertThatThrownBy(() -> build(AmbiguousName.class)).hasMessageContaining("'__'");
    }
}
