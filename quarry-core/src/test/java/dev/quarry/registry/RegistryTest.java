package dev.quarry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.ManyToMany;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks (Django's system checks): a bad declaration fails when a Quarry is built, with
 * an {@link ImproperlyConfigured} naming every field involved. Each Quarry has its own registry,
 * so a refused set leaves nothing behind and models of one Quarry never meet another's.
 */
class RegistryTest {

    @SafeVarargs
    private static Quarry build(Class<? extends Model>... models) {
        Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(models).build();
        q.close();
        return q;
    }

    /** A class that is no model, smuggled past the compiler (models(...) takes only model classes). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<? extends Model> notAModel() {
        return (Class) NotAModel.class;
    }

    @SafeVarargs
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Model>... models) {
        return assertThatThrownBy(() -> build(models)).isInstanceOf(ImproperlyConfigured.class);
    }

    // ---- reverse names that clash ----

    public static class SharedTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class TwoKeysOneRelatedName extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "things")
        public Ref<SharedTarget> first;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "things")
        public Ref<SharedTarget> second;
    }

    @Test
    void twoForeignKeysWithTheSameRelatedNameAreRefusedNamingBoth() {
        // Django fields.E304/E305: "Reverse accessor for 'X.first' clashes with reverse accessor for 'X.second'."
        refused(TwoKeysOneRelatedName.class).hasMessageContaining("TwoKeysOneRelatedName.first")
                .hasMessageContaining("TwoKeysOneRelatedName.second").hasMessageContaining("'things'")
                .hasMessageContaining("SharedTarget").hasMessageContaining("relatedName");
    }

    public static class ClaimsItemsA extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "items")
        public Ref<SharedTarget> target;
    }

    public static class ClaimsItemsB extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "items")
        public Ref<SharedTarget> target;
    }

    @Test
    void foreignKeysOfTwoModelsClaimingOneReverseNameAreRefusedNamingBoth() {
        refused(ClaimsItemsA.class, ClaimsItemsB.class).hasMessageContaining("ClaimsItemsA.target")
                .hasMessageContaining("ClaimsItemsB.target").hasMessageContaining("'items'");
    }

    @Test
    void quarrysWithDifferentModelsNeverSeeEachOthersReverseSides() {
        // 0.1 kept one global registry: the second Quarry was refused because of the first one's models.
        Quarry a = build(ClaimsItemsA.class);
        Quarry b = build(ClaimsItemsB.class);
        assertThat(a.model(SharedTarget.class).relation("items").orElseThrow().declaredBy()).isEqualTo(ClaimsItemsA.class);
        assertThat(b.model(SharedTarget.class).relation("items").orElseThrow().declaredBy()).isEqualTo(ClaimsItemsB.class);
        assertThatThrownBy(() -> a.model(ClaimsItemsB.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("ClaimsItemsB is not a model of this Quarry")
                .hasMessageContaining("Quarry.builder().models(...)");
    }

    public static class DefaultNamesTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class TwoDefaultKeys extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<DefaultNamesTarget> first;

        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<DefaultNamesTarget> second;
    }

    @Test
    void twoForeignKeysToOneTargetWithoutRelatedNamesClashOnTheDefaultName() {
        // Django fields.E304: both would be twodefaultkeys_set; "Add or change a related_name argument".
        refused(TwoDefaultKeys.class).hasMessageContaining("TwoDefaultKeys.first").hasMessageContaining("TwoDefaultKeys.second")
                .hasMessageContaining("twodefaultkeys_set");
    }

    public static class QueryNameTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class SameQueryName extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "written", relatedQueryName = "work")
        public Ref<QueryNameTarget> writer;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "edited", relatedQueryName = "work")
        public Ref<QueryNameTarget> editor;
    }

    @Test
    void distinctAccessorsWithTheSameQueryNameAreRefused() {
        // Django fields.E305: "Reverse query name for 'X.editor' clashes with reverse query name for 'X.writer'."
        refused(SameQueryName.class).hasMessageContaining("query name").hasMessageContaining("'work'")
                .hasMessageContaining("SameQueryName.writer").hasMessageContaining("SameQueryName.editor");
    }

    public static class MixedTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class LinksByKey extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "links")
        public Ref<MixedTarget> target;
    }

    public static class LinksByManyToMany extends Model {
        @ManyToManyField(relatedName = "links")
        public ManyToMany<MixedTarget> targets;
    }

    @Test
    void aForeignKeyAndAManyToManyClaimingOneReverseNameAreRefusedNamingBoth() {
        refused(LinksByKey.class, LinksByManyToMany.class).hasMessageContaining("LinksByKey.target")
                .hasMessageContaining("LinksByManyToMany.targets").hasMessageContaining("'links'");
    }

    public static class FieldClashTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class ReverseNamedLikeAField extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "name")
        public Ref<FieldClashTarget> target;
    }

    @Test
    void aReverseNameClashingWithAFieldOfTheTargetIsRefused() {
        // Django fields.E302: "Reverse accessor for 'X.target' clashes with field name 'Target.name'."
        refused(ReverseNamedLikeAField.class).hasMessageContaining("FieldClashTarget.name")
                .hasMessageContaining("ReverseNamedLikeAField.target");
    }

    public static class QueryClashTarget extends Model {
        @CharField(maxLength = 10)
        public String defaultquery;
    }

    public static class DefaultQuery extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<QueryClashTarget> target;
    }

    @Test
    void aDefaultQueryNameClashingWithAFieldOfTheTargetIsRefused() {
        // Django fields.E303: "Reverse query name for 'X.target' clashes with field name 'Target.x'."
        refused(DefaultQuery.class).hasMessageContaining("QueryClashTarget.defaultquery")
                .hasMessageContaining("DefaultQuery.target");
    }

    public static class HiddenTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class TwoHiddenKeys extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<HiddenTarget> first;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<HiddenTarget> second;
    }

    @Test
    void hiddenReverseSidesNeverClash() {
        // Django allows any number of related_name='+' relations to one model.
        assertThatCode(() -> build(TwoHiddenKeys.class)).doesNotThrowAnyException();
        assertThat(build(TwoHiddenKeys.class).model(HiddenTarget.class).relations()).isEmpty();
    }

    // ---- a refused set leaves nothing behind ----

    public static class KeptTarget extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class KeptSource extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "sources")
        public Ref<KeptTarget> target;
    }

    public static class RefusedSource extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "sources")
        public Ref<KeptTarget> target;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "extras")
        public Ref<KeptTarget> extra;
    }

    @Test
    void aRefusedSetLeavesEarlierQuarrysAsTheyWere() {
        Quarry kept = build(KeptSource.class);
        assertThat(kept.model(KeptTarget.class).relations()).extracting(r -> r.name()).containsExactly("sources");

        refused(KeptSource.class, RefusedSource.class).hasMessageContaining("KeptSource.target")
                .hasMessageContaining("RefusedSource.target");
        assertThat(kept.model(KeptTarget.class).relations()).extracting(r -> r.name()).containsExactly("sources");
        // The registry still accepts good models afterwards.
        assertThatCode(() -> build(KeptSource.class, KeptTarget.class)).doesNotThrowAnyException();
    }

    // ---- declarations that cannot work ----

    public static class NotARef extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public SharedTarget target;
    }

    @Test
    void aForeignKeyOnAFieldThatIsNotARefIsRefused() {
        refused(NotARef.class).hasMessageContaining("NotARef.target").hasMessageContaining("Ref<Target>")
                .hasMessageContaining("SharedTarget");
    }

    public static class PointsAtModelItself extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Model> target;
    }

    @Test
    void aForeignKeyToSomethingThatIsNotAModelIsRefused() {
        refused(PointsAtModelItself.class).hasMessageContaining("PointsAtModelItself.target")
                .hasMessageContaining("not a model");
    }

    public static class ManyToManyAtModelItself extends Model {
        @ManyToManyField
        public ManyToMany<Model> targets;
    }

    @Test
    void aManyToManyToSomethingThatIsNotAModelIsRefused() {
        refused(ManyToManyAtModelItself.class).hasMessageContaining("ManyToManyAtModelItself.targets")
                .hasMessageContaining("not a model");
    }

    public static class RefWithoutAnnotation extends Model {
        public Ref<SharedTarget> target;
    }

    @Test
    void aRefWithoutForeignKeyIsRefused() {
        refused(RefWithoutAnnotation.class).hasMessageContaining("RefWithoutAnnotation.target")
                .hasMessageContaining("@ForeignKey");
    }

    public static class NotAModel {
        public String name;
    }

    @Test
    void aClassThatIsNotAModelIsRefused() {
        refused(notAModel()).hasMessageContaining("NotAModel").hasMessageContaining("not a model");
    }

    public static class ZeroMaxLength extends Model {
        @CharField(maxLength = 0)
        public String name;
    }

    public static class NegativeMaxLength extends Model {
        @CharField(maxLength = -5)
        public String name;
    }

    @Test
    void aCharFieldNeedsAPositiveMaxLength() {
        // Django fields.E120/E121: "CharFields must define a 'max_length' attribute" / "must be a positive integer".
        refused(ZeroMaxLength.class).hasMessageContaining("ZeroMaxLength.name").hasMessageContaining("maxLength");
        refused(NegativeMaxLength.class).hasMessageContaining("NegativeMaxLength.name").hasMessageContaining("maxLength");
    }

    public static class NullablePrimitive extends Model {
        @IntegerField(nullable = true)
        public int count;
    }

    @Test
    void nullableOnAPrimitiveFieldIsRefused() {
        refused(NullablePrimitive.class).hasMessageContaining("NullablePrimitive.count").hasMessageContaining("nullable")
                .hasMessageContaining("boxed");
    }

    public static class WrongJavaType extends Model {
        @IntegerField
        public String count;
    }

    @Test
    void aFieldWhoseJavaTypeDoesNotFitItsAnnotationIsRefused() {
        refused(WrongJavaType.class).hasMessageContaining("WrongJavaType.count").hasMessageContaining("String");
    }

    public static class SetNullNotNullable extends Model {
        @ForeignKey(onDelete = OnDelete.SET_NULL)
        public Ref<SharedTarget> target;
    }

    @Test
    void setNullOnANonNullableForeignKeyIsRefused() {
        // Django fields.E320: "Field specifies on_delete=SET_NULL, but cannot be null."
        refused(SetNullNotNullable.class).hasMessageContaining("SetNullNotNullable.target")
                .hasMessageContaining("SET_NULL").hasMessageContaining("nullable = true");
    }

    public static class SetDefaultWithoutDefault extends Model {
        @ForeignKey(onDelete = OnDelete.SET_DEFAULT, nullable = true)
        public Ref<SharedTarget> target;
    }

    @Test
    void setDefaultWithoutADefaultIsRefused() {
        // Django fields.E321: "Field specifies on_delete=SET_DEFAULT, but has no default value."
        refused(SetDefaultWithoutDefault.class).hasMessageContaining("SetDefaultWithoutDefault.target")
                .hasMessageContaining("SET_DEFAULT").hasMessageContaining("defaultValue");
    }

    public static class AmbiguousFieldName extends Model {
        @CharField(maxLength = 10)
        public String first__name;
    }

    @Test
    void aFieldNameContainingDoubleUnderscoreIsRefused() {
        // Django fields.E002: "Field names must not contain '__'."
        refused(AmbiguousFieldName.class).hasMessageContaining("first__name").hasMessageContaining("'__'");
    }

    public static class DoubleUnderscoreRelatedName extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "my__things")
        public Ref<SharedTarget> target;
    }

    @Test
    void aReverseNameContainingDoubleUnderscoreIsRefused() {
        refused(DoubleUnderscoreRelatedName.class).hasMessageContaining("my__things")
                .hasMessageContaining("DoubleUnderscoreRelatedName.target");
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> Quarry.builder().models(SharedTarget.class).build()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("url(...) or dataSource(...) is required");
        assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").build()).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("models");
    }
}
