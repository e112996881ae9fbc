package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.FieldInfo;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
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
import java.util.TreeMap;
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
