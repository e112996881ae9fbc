package dev.quarry.through;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.ManyToMany;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.OnDelete;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks of through models, each message naming both sides: a through model without a key
 * to one side (Django's fields.E331-like errors), two keys to one side without {@code throughFields}
 * (E333/E334), {@code throughFields} naming no key, and reverse names of the through model's keys
 * clashing with the many-to-many's (E302-E305).
 */
class ThroughChecksTest {

    @SafeVarargs
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Model>... models) {
        return assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(models).build().close())
                .isInstanceOf(ImproperlyConfigured.class);
    }

    public static class Label extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class Album extends Model {
        @ManyToManyField(through = HalfDeal.class)
        public ManyToMany<Label> labels;
    }

    /** Only a key to Album: no key to Label. */
    public static class HalfDeal extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Album> album;
    }

    @Test
    void aThroughModelWithoutAKeyToOneSideIsRefusedNamingBothModels() {
        refused(Album.class).hasMessageContaining("Album.labels").hasMessageContaining("HalfDeal")
                .hasMessageContaining("no foreign key to Label");
    }

    public static class Single extends Model {
        @ManyToManyField(through = DoubleDeal.class)
        public ManyToMany<Label> labels;
    }

    /** Two keys to Label and no throughFields on Single.labels. */
    public static class DoubleDeal extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Single> single;

        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Label> label;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<Label> distributor;
    }

    @Test
    void twoKeysToOneSideWithoutThroughFieldsAreRefusedAsAmbiguous() {
        refused(Single.class).hasMessageContaining("Single.labels").hasMessageContaining("DoubleDeal")
                .hasMessageContaining("more than one foreign key to Label").hasMessageContaining("label, distributor")
                .hasMessageContaining("throughFields");
    }

    public static class Ep extends Model {
        @ManyToManyField(through = EpDeal.class, throughFields = {"ep", "owner"})
        public ManyToMany<Label> labels;
    }

    /** throughFields on Ep.labels names 'owner', which is no key of EpDeal. */
    public static class EpDeal extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Ep> ep;

        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Label> label;
    }

    @Test
    void throughFieldsNamingNoKeyAreRefusedListingTheKeys() {
        refused(Ep.class).hasMessageContaining("Ep.labels").hasMessageContaining("'owner'")
                .hasMessageContaining("EpDeal").hasMessageContaining("[label]");
    }

    public static class Single2 extends Model {
        @ManyToManyField(through = ClashDeal.class, relatedName = "singles")
        public ManyToMany<Label> labels;
    }

    /** Its key to Label claims Label's reverse name 'singles', as Single2.labels does. */
    public static class ClashDeal extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Single2> single;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "singles")
        public Ref<Label> label;
    }

    @Test
    void reverseNamesOfTheThroughModelAndTheManyToManyClashNamingBothFields() {
        refused(Single2.class).hasMessageContaining("'singles'").hasMessageContaining("Label")
                .hasMessageContaining("Single2.labels").hasMessageContaining("ClashDeal.label");
    }

    public static class Member extends Model {
        @ManyToManyField(through = Sponsorship.class, symmetrical = false, relatedName = "sponsors")
        public ManyToMany<Member> sponsored;
    }

    /** Three keys to Member: a relation to itself needs throughFields to pick two. */
    public static class Sponsorship extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<Member> sponsor;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<Member> member;

        @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "+")
        public Ref<Member> witness;
    }

    @Test
    void aSelfThroughModelWithThreeKeysNeedsThroughFields() {
        refused(Member.class).hasMessageContaining("Member.sponsored").hasMessageContaining("Sponsorship")
                .hasMessageContaining("3 foreign keys to Member").hasMessageContaining("throughFields");
    }

    public static class Owner extends Model {
        @ManyToManyField(through = String.class)
        public ManyToMany<Label> labels;
    }

    @Test
    void aThroughClassThatIsNoModelIsRefused() {
        refused(Owner.class).hasMessageContaining("Owner.labels").hasMessageContaining("String")
                .hasMessageContaining("not a model");
    }

    public static class Group extends Model {
        @ManyToManyField(through = Membership.class, throughFields = {"group", "person"})
        public ManyToMany<Label> members;
    }

    /** A valid through model: throughFields picks its keys; 'inviter' is a second key to Label. */
    public static class Membership extends Model {
        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Group> group;

        @ForeignKey(onDelete = OnDelete.CASCADE)
        public Ref<Label> person;

        @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+")
        public Ref<Label> inviter;
    }

    @Test
    void aThroughModelIsRegisteredWithTheModelsThatNameIt() {
        try (Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(Group.class).build()) {
            assertThat(q.model(Membership.class)).isNotNull();
            assertThat(q.model(Label.class).relations()).extracting(r -> r.name()).contains("group_set", "membership_set");
        }
    }
}
