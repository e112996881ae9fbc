package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.FieldInfo;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.typed.FieldPath;
import dev.quarry.query.typed.ManyPath;
import dev.quarry.query.typed.RelatedPath;
import dev.quarry.query.typed.RelationPath;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The processor keeps its own copy of the core's naming rules (it has no dependency on the core);
 * this test holds them together: for models covering every naming case, the generated metamodel has
 * exactly the members the registry describes ({@link ModelInfo}), with the same lookup and accessor names.
 */
class NamingAgreesWithCoreTest {
    private static final String SHOP = """
            package shop;
            import dev.quarry.ManyToMany;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.*;
            public class Shop {
                public static class Customer extends Model {
                    @CharField(maxLength = 20) public String fullName;
                    @CharField(maxLength = 20, primaryKey = true) public String customerCode;
                    @ManyToManyField public ManyToMany<Customer> friends;
                    @ManyToManyField(symmetrical = false, relatedName = "followers") public ManyToMany<Customer> follows;
                }
                public static class Address extends Model {
                    @OneToOneField(onDelete = OnDelete.CASCADE) public Ref<Customer> customer;
                    @CharField(maxLength = 40) public String streetLine;
                }
                public static class Order extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "orders") public Ref<Customer> customer;
                    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedQueryName = "referred")
                    public Ref<Customer> referrer;
                    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+") public Ref<Address> shipTo;
                    @ManyToManyField public ManyToMany<Item> items;
                    @DecimalField(maxDigits = 8, decimalPlaces = 2) public java.math.BigDecimal totalEUR;
                    @BooleanField public boolean isGift;
                }
                @Meta(proxy = true)
                public static class VipCustomer extends Customer {}
                public static class Voucher extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<VipCustomer> holder;
                }
                public static class Item extends Model {
                    @CharField(maxLength = 20) public String sku;
                    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "parts", relatedQueryName = "part")
                    public Ref<Item> kit;
                }
            }
            """;

    /** Multi-table inheritance: Kiosk and PopUpStore are children of Store, NightKiosk of Kiosk, SummerPopUp of PopUpStore. */
    private static final String STORES = """
            package stores;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.*;
            public class Stores {
                public static class Owner extends Model {
                    @CharField(maxLength = 20) public String fullName;
                }
                public static class Store extends Model {
                    @CharField(maxLength = 20) public String name;
                    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true) public Ref<Owner> owner;
                }
                @Meta(multiTable = true)
                public static class Kiosk extends Store {
                    @BooleanField public boolean open;
                }
                @Meta(multiTable = true)
                public static class NightKiosk extends Kiosk {
                    @IntegerField public int closesAt;
                }
                @Meta(multiTable = true)
                public static class PopUpStore extends Store {
                    @DateField(nullable = true) public java.time.LocalDate until;
                }
                @Meta(multiTable = true)
                public static class SummerPopUp extends PopUpStore {
                    @CharField(maxLength = 20) public String beach;
                }
                @Meta(proxy = true)
                public static class KioskByName extends Kiosk {}
                public static class Sale extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "sales") public Ref<Store> store;
                    @IntegerField public int amount;
                }
                public static class Visit extends Model {
                    @ForeignKey(onDelete = OnDelete.CASCADE) public Ref<Store> store;
                }
                public static class Permit extends Model {
                    @OneToOneField(onDelete = OnDelete.CASCADE) public Ref<Kiosk> kiosk;
                }
            }
            """;

    @Test
    void snakeCaseNamesAreTheCores() {
        for (String name : List.of("publishedDate", "totalEUR", "HTMLParser", "isGift", "x", "already_snake", "aB",
                "ABC", "userID2", "a_B", "URLField")) {
            assertThat(Names.snake(name)).as(name).isEqualTo(dev.quarry.internal.Names.snake(name));
        }
    }

    @Test
    void generatedMembersAreTheRegistrysFieldsAndRelations() throws Exception {
        Javac.Result r = Javac.compile(Map.of("shop/Shop.java", SHOP));
        assertThat(r.errors()).isEmpty();
        try (URLClassLoader loader = r.loader()) {
            List<Class<? extends Model>> models = new ArrayList<>();
            for (String name : List.of("Customer", "Address", "Order", "Item", "VipCustomer", "Voucher")) {
                models.add(loader.loadClass("shop.Shop$" + name).asSubclass(Model.class));
            }
            try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(models).build()) {
                for (Class<? extends Model> model : models) {
                    Class<?> metamodel = loader.loadClass("shop." + model.getSimpleName() + "_");
                    assertThat(members(metamodel)).as(model.getSimpleName()).isEqualTo(expected(quarry.model(model)));
                }
                // The cases, as both sides name them: relatedName, relatedQueryName alone (accessor order_set),
                // a reverse one-to-one (accessor address, single-valued), a non-symmetrical self relation, and no
                // member for the symmetrical friends' or the hidden shipTo's reverse side.
                assertThat(members(loader.loadClass("shop.Customer_"))).containsEntry("orders", "orders|orders|many")
                        .containsEntry("referred", "referred|order_set|many").containsEntry("address", "address|address|one")
                        .containsEntry("followers", "followers|followers|many").containsEntry("pk", "pk|value")
                        .containsEntry("fullName", "full_name|value").doesNotContainKey("id").hasSize(10);
                assertThat(members(loader.loadClass("shop.Item_"))).containsEntry("part", "part|parts|many")
                        .containsEntry("order", "order|order_set|many");
                assertThat(members(loader.loadClass("shop.Address_"))).doesNotContainKey("order");
                // A proxy has its concrete model's reverse sides, and a relation to a proxy is a reverse side of the
                // concrete model (Django: Customer._meta.get_field('voucher') exists; so does VipCustomer's).
                assertThat(members(loader.loadClass("shop.VipCustomer_"))).containsEntry("orders", "orders|orders|many")
                        .containsEntry("voucher", "voucher|voucher_set|many")
                        .isEqualTo(members(loader.loadClass("shop.Customer_")));
            }
        }
    }

    /**
     * A multi-table child's metamodel has what Django 3.2's {@code Kiosk._meta.get_fields()} lists (checked with
     * python3-django: {@code id, name, owner, open, store_ptr, sales, visit, nightkiosk, permit}): the parents' fields
     * and relations, its parent link ({@code store_ptr}; a grandchild has {@code kiosk_ptr} and {@code store_ptr}),
     * and the parents' reverse sides but those of their parent links; the parent has a reverse one-to-one to each
     * child ({@code Store_.kiosk}, Django's {@code store.kiosk}). Each is named as the registry names it, and each
     * lookup name is one the core's string lookups accept, and no other.
     */
    @Test
    void multiTableChildrenHaveTheirParentsFieldsLinksAndReverseSides() throws Exception {
        Javac.Result r = Javac.compile(Map.of("stores/Stores.java", STORES));
        assertThat(r.errors()).isEmpty();
        try (URLClassLoader loader = r.loader()) {
            List<Class<? extends Model>> models = new ArrayList<>();
            for (String name : List.of("Owner", "Store", "Kiosk", "NightKiosk", "PopUpStore", "SummerPopUp", "KioskByName",
                    "Sale", "Visit", "Permit")) {
                models.add(loader.loadClass("stores.Stores$" + name).asSubclass(Model.class));
            }
            Registry registry = Registry.of(models);
            try (Quarry quarry = Quarry.builder().url("jdbc:sqlite::memory:").models(models).build()) {
                for (Class<? extends Model> model : models) {
                    Map<String, String> members = members(loader.loadClass("stores." + model.getSimpleName() + "_"));
                    assertThat(members).as(model.getSimpleName()).isEqualTo(expectedWithParents(quarry, model));
                    // The metamodel's lookup names are exactly the core's string lookups, but the key columns
                    // (store_ptr_id, owner_id), which have no member. Neither offers a child its parents' reverse
                    // sides of their parent links, as Django: Kiosk.objects.filter(kiosk__open=True) -> FieldError
                    // "Cannot resolve keyword 'kiosk' into field. Choices are: id, name, open, sales, store_ptr, ...".
                    Set<String> lookups = new TreeSet<>(members.values().stream().map(v -> v.split("\\|")[0]).toList());
                    ModelMeta meta = ModelMeta.of(model);
                    Set<String> core = new TreeSet<>(registry.queryNames(meta));
                    core.add("pk");
                    core.removeAll(keyColumns(meta));
                    assertThat(core).as(model.getSimpleName()).isEqualTo(lookups);
                }
            }
            Map<String, String> kiosk = members(loader.loadClass("stores.Kiosk_"));
            assertThat(kiosk).containsEntry("storePtr", "store_ptr|storePtr|one").containsEntry("name", "name|value")
                    .containsEntry("owner", "owner|owner|one").containsEntry("sales", "sales|sales|many")
                    .containsEntry("visit", "visit|visit_set|many").containsEntry("nightkiosk", "nightkiosk|nightkiosk|one")
                    .containsEntry("permit", "permit|permit|one").doesNotContainKeys("kiosk", "popupstore");
            assertThat(members(loader.loadClass("stores.Store_"))).containsEntry("kiosk", "kiosk|kiosk|one")
                    .containsEntry("popupstore", "popupstore|popupstore|one").doesNotContainKeys("nightkiosk", "storePtr");
            assertThat(members(loader.loadClass("stores.NightKiosk_"))).containsEntry("kioskPtr", "kiosk_ptr|kioskPtr|one")
                    .containsEntry("storePtr", "store_ptr|storePtr|one").containsEntry("sales", "sales|sales|many")
                    .containsEntry("permit", "permit|permit|one").doesNotContainKeys("kiosk", "nightkiosk");
            assertThat(members(loader.loadClass("stores.SummerPopUp_")))
                    .containsEntry("popupstorePtr", "popupstore_ptr|popupstorePtr|one").containsKey("storePtr");
            assertThat(members(loader.loadClass("stores.KioskByName_"))).isEqualTo(kiosk);
        }
    }

    /** {@link #expected} of the model and of each multi-table parent, without the parents' reverse sides of parent links. */
    private static Map<String, String> expectedWithParents(Quarry quarry, Class<? extends Model> model) {
        ModelInfo info = quarry.model(model);
        Map<String, String> out = expected(info);
        for (Class<? extends Model> parent : info.parents()) {
            ModelInfo p = quarry.model(parent);
            Map<String, String> inherited = expected(p);
            for (RelationInfo rel : p.relations()) {
                ModelInfo far = quarry.model(rel.target());
                if (rel.kind() == RelationInfo.Kind.REVERSE_ONE_TO_ONE && far.pk().isParentLink()
                        && far.parents().get(0) == parent) {
                    inherited.remove(rel.queryName());
                }
            }
            inherited.forEach(out::putIfAbsent);
        }
        return out;
    }

    /** The key columns of a model and its parents ({@code owner_id}, {@code store_ptr_id}): lookups, but no members. */
    private static Set<String> keyColumns(ModelMeta meta) {
        Set<String> out = new TreeSet<>();
        for (ModelMeta m = meta; m != null; m = m.parent()) {
            m.fields().stream().filter(f -> f.isForeignKey() || f.isParentLink()).forEach(f -> out.add(f.column()));
        }
        return out;
    }

    /** Member name to "lookup path | accessor path | kind", as the registry describes the model. */
    private static Map<String, String> expected(ModelInfo info) {
        Map<String, String> out = new TreeMap<>();
        for (FieldInfo f : info.fields()) {
            if (!f.isForeignKey()) {
                out.put(f.name(), f.queryName() + "|value");
            }
        }
        out.put("pk", "pk|value");
        for (RelationInfo r : info.relations()) {
            boolean reverse = r.kind().name().startsWith("REVERSE");
            out.put(reverse ? r.queryName() : r.name(), r.queryName() + "|" + r.name() + "|" + (r.multiValued() ? "many" : "one"));
        }
        return out;
    }

    /** Member name to "lookup path | accessor path | kind", as the generated class has them. */
    private static Map<String, String> members(Class<?> metamodel) throws IllegalAccessException {
        Map<String, String> out = new TreeMap<>();
        for (Field f : metamodel.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object path = f.get(null);
            if (path instanceof FieldPath<?> p) {
                out.put(f.getName(), p.path() + "|value");
            } else if (path instanceof RelatedPath<?> p) {
                assertThat(p).isInstanceOfAny(RelationPath.class, ManyPath.class);
                out.put(f.getName(), p.path() + "|" + p.accessorPath() + "|" + (p instanceof ManyPath ? "many" : "one"));
            }
        }
        return out;
    }
}
