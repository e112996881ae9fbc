package dev.quarry.onetoone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.RelationInfo;
import dev.quarry.RelationInfo.Kind;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.OneToOneField;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks of one-to-one fields (Django's fields.E302-E305, facts at the end of
 * {@code django_onetoone.py}): reverse names that clash are refused naming both sides, and the public
 * metadata tells a one-to-one from a foreign key on both ends.
 */
class OneToOneChecksTest {

    @SafeVarargs
    private static Quarry build(Class<? extends Model>... models) {
        Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(models).build();
        q.close();
        return q;
    }

    @SafeVarargs
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Model>... models) {
        return assertThatThrownBy(() -> build(models)).isInstanceOf(ImproperlyConfigured.class);
    }

    public static class Target extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class TwoOnes extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Ref<Target> first;

        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Ref<Target> second;
    }

    @Test
    void twoOneToOnesToOneTargetClashOnTheDefaultReverseName() {
        // Django fields.E304: Reverse accessor for 'TwoOnes.first' clashes with reverse accessor for 'TwoOnes.second'.
        refused(TwoOnes.class).hasMessageContaining("'twoones'").hasMessageContaining("TwoOnes.first")
                .hasMessageContaining("TwoOnes.second").hasMessageContaining("Target").hasMessageContaining("relatedName");
    }

    public static class OneAndKey extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "owner")
        public Ref<Target> one;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "keys", relatedQueryName = "owner")
        public Ref<Target> key;
    }

    @Test
    void aOneToOneAndAForeignKeyClaimingOneQueryNameAreRefusedNamingBoth() {
        // Django fields.E305: Reverse query name for 'OneAndKey.key' clashes with reverse query name for 'OneAndKey.one'.
        refused(OneAndKey.class).hasMessageContaining("query name 'owner'").hasMessageContaining("OneAndKey.one")
                .hasMessageContaining("OneAndKey.key");
    }

    public static class Shadowed extends Model {
        @CharField(maxLength = 10)
        public String sidecar;
    }

    public static class Sidecar extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Ref<Shadowed> shadowed;
    }

    @Test
    void aReverseNameClashingWithAFieldOfTheTargetIsRefusedNamingBoth() {
        // Django fields.E302: Reverse accessor for 'Sidecar.shadowed' clashes with field name 'Shadowed.sidecar'.
        refused(Sidecar.class).hasMessageContaining("'sidecar'").hasMessageContaining("Sidecar.shadowed")
                .hasMessageContaining("Shadowed.sidecar");
    }

    public static class BothAnnotations extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Ref<Target> target;
    }

    public static class NotARef extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Long target;
    }

    public static class NotNullable extends Model {
        @OneToOneField(onDelete = OnDelete.SET_NULL)
        public Ref<Target> target;
    }

    @Test
    void aBadDeclarationIsRefusedWithTheFix() {
        refused(BothAnnotations.class).hasMessageContaining("BothAnnotations.target")
                .hasMessageContaining("@ForeignKey and @OneToOneField");
        refused(NotARef.class).hasMessageContaining("@OneToOneField on NotARef.target needs a field of type Ref<Target>");
        refused(NotNullable.class).hasMessageContaining("NotNullable.target uses onDelete = SET_NULL but is not nullable");
    }

    @Test
    void theMetadataTellsAOneToOneFromAForeignKeyOnBothEnds() {
        Quarry q = build(Author.class, AuthorProfile.class, Passport.class);
        assertThat(q.model(AuthorProfile.class).relation("author")).contains(
                new RelationInfo(Kind.ONE_TO_ONE, "author", "author", Author.class, AuthorProfile.class));
        assertThat(q.model(Author.class).relations()).containsExactlyInAnyOrder(
                new RelationInfo(Kind.REVERSE_ONE_TO_ONE, "authorprofile", "authorprofile", AuthorProfile.class,
                        AuthorProfile.class),
                new RelationInfo(Kind.REVERSE_ONE_TO_ONE, "passport", "passport", Passport.class, Passport.class));
        assertThat(q.model(Author.class).relations()).noneMatch(RelationInfo::multiValued);
        assertThat(q.model(AuthorProfile.class).field("author").unique()).isTrue();
    }
}
