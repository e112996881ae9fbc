package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Q;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The metamodel across multi-table inheritance ({@code @Meta(multiTable = true)}) has the paths Django 3.2 has
 * (python3-django, {@code _meta.get_fields()}): {@code Kiosk_} has Store's fields and relations, the parent link
 * {@code storePtr} ({@code store_ptr}) and Store's reverse sides ({@code sales}); {@code Store_} has the reverse
 * one-to-one {@code kiosk} (Django's {@code store.kiosk}, lookups {@code kiosk__open}). Each path gives the
 * condition of its lookup string.
 */
class MultiTableMetamodelTest {
    private static final String STORE = """
            package shops;
            import dev.quarry.Model;
            import dev.quarry.annotation.CharField;
            public class Store extends Model {
                @CharField(maxLength = 20) public String name;
            }
            """;
    private static final String KIOSK = """
            package shops;
            import dev.quarry.annotation.BooleanField;
            import dev.quarry.annotation.Meta;
            @Meta(multiTable = true)
            public class Kiosk extends Store {
                @BooleanField public boolean open;
            }
            """;
    private static final String SALE = """
            package shops;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.ForeignKey;
            import dev.quarry.annotation.IntegerField;
            import dev.quarry.annotation.OnDelete;
            public class Sale extends Model {
                @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "sales") public Ref<Store> store;
                @IntegerField public int amount;
            }
            """;

    private static Map<String, String> sources(String... more) {
        Map<String, String> out = new HashMap<>(Map.of("shops/Store.java", STORE, "shops/Kiosk.java", KIOSK,
                "shops/Sale.java", SALE));
        for (int i = 0; i < more.length; i += 2) {
            out.put("shops/" + more[i] + ".java", more[i + 1]);
        }
        return out;
    }

    @Test
    void theChildHasItsParentLinkAndTheParentsReverseSidesTheParentAReverseOneToOne() {
        Javac.Result r = Javac.compile(sources());
        assertThat(r.errors()).isEmpty();
        assertThat(r.generatedSource("shops/Kiosk_.java"))
                .contains("public static final StringPath name = new StringPath(\"name\");")
                .contains("public static final BooleanPath open = new BooleanPath(\"open\");")
                // Django: Kiosk._meta.get_field('store_ptr'), a OneToOneField to Store; its Java name as the core's.
                .contains("public static final Store_.One1 storePtr = new Store_.One1(\"store_ptr\", \"storePtr\");")
                // Django: Kiosk._meta.get_fields() includes the reverse side of Sale.store.
                .contains("public static final Sale_.Many1 sales = new Sale_.Many1(\"sales\", \"sales\");");
        assertThat(r.generatedSource("shops/Store_.java"))
                .contains("public static final Kiosk_.One1 kiosk = new Kiosk_.One1(\"kiosk\", \"kiosk\");")
                .doesNotContain("storePtr");
    }

    @Test
    @SuppressWarnings("unchecked")
    void typedPathsAcrossTheInheritanceGiveTheConditionsOfTheLookupStrings() throws Exception {
        Javac.Result r = Javac.compile(sources("Queries", """
                package shops;
                import java.util.List;
                public class Queries {
                    public static List<Object> all() {
                        return List.of(
                                Store_.kiosk.open.eq(true),
                                Store_.kiosk.isNull(true),
                                Kiosk_.storePtr.name.startsWith("n"),
                                Kiosk_.sales.amount.gt(5),
                                Sale_.store.kiosk.open.isFalse(),
                                Kiosk_.name.eq("north"),
                                Kiosk_.storePtr.accessorPath(),
                                Store_.kiosk.accessorPath());
                    }
                }
                """));
        assertThat(r.errors()).isEmpty();
        try (var loader = r.loader()) {
            Method all = loader.loadClass("shops.Queries").getMethod("all");
            assertThat((List<Object>) all.invoke(null)).containsExactly(
                    Q.of("kiosk__open", true),
                    Q.of("kiosk__isnull", true),
                    Q.of("store_ptr__name__startswith", "n"),
                    Q.of("sales__amount__gt", 5),
                    Q.of("store__kiosk__open", false),
                    Q.of("name", "north"),
                    "storePtr",
                    "kiosk");
        }
    }

    @Test
    void theParentsReverseSideOfTheLinkIsNotAPathOfTheChild() {
        // Django: Kiosk.objects.filter(kiosk__open=True) -> FieldError "Cannot resolve keyword 'kiosk' into field.
        // Choices are: id, name, open, sales, store_ptr, store_ptr_id" (the core's string form still accepts it).
        Javac.Result r = Javac.compile(sources("Search", """
                package shops;
                public class Search {
                    static Object q = Kiosk_.kiosk.open.eq(true);
                }
                """));
        assertThat(r.errors()).singleElement().asString().startsWith("Search.java:3: ").contains("cannot find symbol")
                .contains("kiosk");
    }

    @Test
    void aOneToOneClaimingTheLinksReverseNameIsACompileErrorNamingBoth() {
        // Django 3.2's checks refuse it too: fields.E304 and E305, "Reverse query name for 'lib.Booth.store' clashes
        // with reverse query name for 'lib.Kiosk.store_ptr'".
        Javac.Result r = Javac.compile(sources("Booth", """
                package shops;
                import dev.quarry.Model;
                import dev.quarry.Ref;
                import dev.quarry.annotation.OneToOneField;
                import dev.quarry.annotation.OnDelete;
                public class Booth extends Model {
                    @OneToOneField(onDelete = OnDelete.CASCADE, relatedName = "kiosk") public Ref<Store> store;
                }
                """));
        assertThat(r.errors()).singleElement().asString().contains("Reverse query name 'kiosk' on Store is claimed by "
                + "both ").contains("Kiosk.storePtr").contains("Booth.store").endsWith("give one of them a relatedName");
    }
}
