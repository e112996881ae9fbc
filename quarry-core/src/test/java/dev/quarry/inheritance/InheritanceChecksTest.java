package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.OneToOneField;
import dev.quarry.Ref;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Start-up checks and public metadata of the three kinds of inheritance: a concrete subclass that says neither
 * proxy nor multi-table, a proxy that adds a field, a child that declares its own key, options without a
 * concrete parent and an abstract model registered as one are refused naming both classes and the fix;
 * {@link ModelInfo} shows parents, proxies and the parent link. No database is touched (SQLite in memory).
 */
class InheritanceChecksTest {

    private static void with(Consumer<Quarry> body, Class<? extends Model>... models) {
        Quarry q = Quarry.builder().url("jdbc:sqlite::memory:").models(models).build();
        try {
            body.accept(q);
        } finally {
            q.close();
        }
    }

    @SafeVarargs
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Class<? extends Model>... models) {
        return assertThatThrownBy(() -> Quarry.builder().url("jdbc:sqlite::memory:").models(models).build().close())
                .isInstanceOf(ImproperlyConfigured.class);
    }

    public static class Shop extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    public static class Unmarked extends Shop {
        @IntegerField
        public int floor;
    }

    @Meta(proxy = true)
    public static class FatProxy extends Shop {
        @IntegerField
        public int floor;
    }

    @Meta(multiTable = true)
    public static class OwnKey extends Shop {
        @CharField(maxLength = 10, primaryKey = true)
        public String code;
    }

    public abstract static class Base extends Model {
        @CharField(maxLength = 10)
        public String name;
    }

    @Meta(proxy = true)
    public static class ProxyOfNothing extends Base {
    }

    @Meta(multiTable = true, proxy = true)
    public static class Both extends Shop {
    }

    @Meta(multiTable = true)
    public static class Kiosk extends Shop {
        @IntegerField
        public int floor;
    }

    public static class Lease extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE)
        public Ref<Shop> shop;
    }

    @Test
    void aConcreteSubclassThatSaysNeitherIsRefusedNamingBothClassesAndTheFixes() {
        refused(Unmarked.class).hasMessageContaining("Unmarked extends the concrete model Shop but does not say how")
                .hasMessageContaining("@Meta(multiTable = true)").hasMessageContaining("shop_ptr_id")
                .hasMessageContaining("@Meta(proxy = true)").hasMessageContaining("make Shop abstract");
        assertThatThrownBy(Unmarked::new).isInstanceOf(ImproperlyConfigured.class);
    }

    @Test
    void contradictoryOrMisplacedOptionsAreRefused() {
        refused(FatProxy.class).hasMessageContaining("Proxy model FatProxy declares the field floor")
                .hasMessageContaining("shares the table of Shop");
        refused(OwnKey.class).hasMessageContaining("OwnKey is a multi-table child of Shop and declares the primary key code")
                .hasMessageContaining("shop_ptr_id");
        refused(ProxyOfNothing.class).hasMessageContaining("ProxyOfNothing sets @Meta(proxy = true) but extends no concrete "
                + "model (Base is abstract)");
        refused(Both.class).hasMessageContaining("Both sets both proxy and multiTable");
        refused(Base.class).hasMessageContaining("Base is abstract").hasMessageContaining("Register its concrete subclasses");
    }

    @Meta(multiTable = true)
    public static class Shadowing extends Shop {
        @CharField(maxLength = 10)
        public String name;
    }

    @Test
    void aChildFieldNamedAsAParentFieldIsRefusedNamingBoth() {
        // Django: FieldError "Local field 'name' in class 'Shadowing' clashes with field of the same name from base class 'Shop'."
        refused(Shadowing.class).hasMessageContaining("Shadowing.name clashes with Shop.name, which Shadowing inherits");
    }

    @Test
    void aParentLinkClashingWithAOneToOnesReverseNameIsRefusedNamingBothSides() {
        // Django: fields.E304-style clash of Kiosk.shop_ptr's reverse name 'kiosk' with another one-to-one's.
        refused(Kiosk.class, KioskClash.class).hasMessageContaining("'kiosk'").hasMessageContaining("Kiosk.shopPtr")
                .hasMessageContaining("KioskClash.shop");
    }

    public static class KioskClash extends Model {
        @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "kiosk")
        public Ref<Shop> shop;
    }

    @Meta(proxy = true)
    public static class ProxyOfProxy extends PlaceByName {
    }

    @Test
    void metadataShowsParentsProxiesAndTheParentLink() {
        with(q -> {
            ModelInfo restaurant = q.model(Restaurant.class);
            assertThat(restaurant.parents()).containsExactly(Place.class);
            assertThat(q.model(ItalianRestaurant.class).parents()).containsExactly(Restaurant.class, Place.class);
            assertThat(restaurant.pk().column()).isEqualTo("place_ptr_id");
            assertThat(restaurant.pk().isParentLink()).isTrue();
            assertThat(restaurant.pk().kind()).isEqualTo("OneToOneField");
            assertThat(restaurant.fields()).extracting(f -> f.column()).containsExactly("place_ptr_id", "serves_pizza", "seats");
            assertThat(restaurant.relation("place_ptr")).get().extracting(RelationInfo::kind, RelationInfo::target)
                    .containsExactly(RelationInfo.Kind.ONE_TO_ONE, Place.class);
            assertThat(q.model(Place.class).relation("restaurant")).get().extracting(RelationInfo::kind)
                    .isEqualTo(RelationInfo.Kind.REVERSE_ONE_TO_ONE);
            ModelInfo proxy = q.model(PlaceByName.class);
            assertThat(proxy.isProxy()).isTrue();
            assertThat(proxy.concreteModel()).isEqualTo(Place.class);
            assertThat(proxy.table()).isEqualTo(q.model(Place.class).table());
            assertThat(proxy.ordering()).containsExactly("name");
            assertThat(q.model(Place.class).isProxy()).isFalse();
            // A proxy of a proxy stands for the same concrete model (and inherits the nearest ordering).
            assertThat(q.model(ProxyOfProxy.class).concreteModel()).isEqualTo(Place.class);
            assertThat(q.model(ProxyOfProxy.class).ordering()).containsExactly("name");
            // Restaurant inherits no ordering (Place declares none); Article inherits Content's.
            assertThat(restaurant.ordering()).isEmpty();
        }, Restaurant.class, ItalianRestaurant.class, PlaceByName.class, ProxyOfProxy.class);
    }
}
