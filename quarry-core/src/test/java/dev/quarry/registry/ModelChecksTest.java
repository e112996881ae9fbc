package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.IntegerField;
import java.math.BigDecimal;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks of model classes that the database would otherwise never report: a public field
 * without a Quarry annotation was silently ignored, a concrete subclass of a concrete model silently
 * got a table of its own, and a DecimalField without digits failed only when its table was created.
 * Each is an {@link ImproperlyConfigured} naming the model, the field and the fix when the Quarry is built.
 */
class ModelChecksTest {

    @SafeVarargs
    private static void build(Class<? extends Model>... models) {
        Quarry.builder().url("jdbc:sqlite::memory:").models(models).build().close();
    }

    @SafeVarargs
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Model>... models) {
        return assertThatThrownBy(() -> build(models)).isInstanceOf(ImproperlyConfigured.class);
    }

    // ----- fields without an annotation -----

    public static class WithPlainPublicField extends Model {
        @CharField(maxLength = 10)
        public String name;

        public String nickname;
    }

    public static class WithTransientAndPrivateState extends Model {
        public static final Manager<WithTransientAndPrivateState> objects = Manager.of(WithTransientAndPrivateState.class);

        @CharField(maxLength = 10)
        public String name;

        public transient String cached;

        private int helper;

        int packageState;

        protected long subclassState;

        int helper() {
            return helper;
        }
    }

    public abstract static class BaseWithPlainField extends Model {
        public BigDecimal total;
    }

    public static class InheritsPlainField extends BaseWithPlainField {
        @CharField(maxLength = 10)
        public String name;
    }

    @Test
    void aPublicFieldWithoutAnAnnotationIsRefusedNamingTheFix() {
        refused(WithPlainPublicField.class).hasMessageContaining("WithPlainPublicField.nickname")
                .hasMessageContaining("without a Quarry annotation").hasMessageContaining("annotate it")
                .hasMessageContaining("declare it transient");
    }

    @Test
    void aPlainPublicFieldOfAnAbstractBaseIsRefusedOnTheModelThatInheritsIt() {
        refused(InheritsPlainField.class).hasMessageContaining("InheritsPlainField.total")
                .hasMessageContaining("declared in BaseWithPlainField");
    }

    @Test
    void transientStaticAndNonPublicFieldsAndTheModelBaseAreAllowed() {
        assertThatCode(() -> build(WithTransientAndPrivateState.class)).doesNotThrowAnyException();
        Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(WithTransientAndPrivateState.class).build();
        try {
            assertThat(q.model(WithTransientAndPrivateState.class).fields()).extracting(f -> f.name())
                    .containsExactly("id", "name");
        } finally {
            q.close();
        }
    }

    // ----- inheritance -----

    public static class ConcreteParent extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class ConcreteChild extends ConcreteParent {
        @IntegerField
        public int extra;
    }

    public abstract static class AbstractParent extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class ChildOfAbstract extends AbstractParent {
        @IntegerField
        public int extra;
    }

    @Test
    void aConcreteSubclassOfAConcreteModelThatSaysNeitherProxyNorMultiTableIsRefused() {
        // dev.quarry.inheritance covers the kinds that are accepted; this one would silently repeat the columns.
        refused(ConcreteChild.class).hasMessageContaining("ConcreteChild extends the concrete model ConcreteParent")
                .hasMessageContaining("@Meta(multiTable = true)").hasMessageContaining("make ConcreteParent abstract");
        refused(ConcreteParent.class, ConcreteChild.class).hasMessageContaining("ConcreteChild");
        assertThatThrownBy(ConcreteChild::new).isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void anAbstractBaseSharesItsFieldsAsDjangosAbstractModelsDo() {
        Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(ChildOfAbstract.class, ConcreteParent.class).build();
        try {
            assertThat(q.model(ChildOfAbstract.class).fields()).extracting(f -> f.name()).containsExactly("id", "name", "extra");
        } finally {
            q.close();
        }
    }

    // ----- decimal digits -----

    public static class NoDigits extends Model {
        @DecimalField(maxDigits = 0, decimalPlaces = 0)
        public BigDecimal amount;
    }

    public static class MorePlacesThanDigits extends Model {
        @DecimalField(maxDigits = 2, decimalPlaces = 3)
        public BigDecimal amount;
    }

    @Test
    void aDecimalFieldWithoutRoomForItsDigitsIsRefused() {
        refused(NoDigits.class).hasMessageContaining("NoDigits.amount").hasMessageContaining("maxDigits >= 1");
        refused(MorePlacesThanDigits.class).hasMessageContaining("MorePlacesThanDigits.amount")
                .hasMessageContaining("decimalPlaces = 3");
    }
}
