package dev.quarry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.ManyToMany;
import dev.quarry.ModelQueryable;
import dev.quarry.QuerySet;
import dev.quarry.Queryable;
import dev.quarry.RelatedManager;
import dev.quarry.ValuesQuerySet;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The four query entry points share one surface by construction ({@link Queryable},
 * {@link ModelQueryable}); this test keeps it that way: a query method added to one class alone,
 * instead of to the interface, fails here. Each class may add only the methods listed for it.
 */
class QuerySurfaceParityTest {

    private static Set<String> signatures(Class<?> type, boolean declaredOnly) {
        Method[] methods = declaredOnly ? type.getDeclaredMethods() : type.getMethods();
        return Arrays.stream(methods)
                .filter(m -> Modifier.isPublic(m.getModifiers()) && (!m.isSynthetic() || m.isBridge())
                        && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                .map(m -> m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> beyond(Class<?> type, Class<?> surface) {
        Set<String> extra = signatures(type, false);
        extra.removeAll(signatures(surface, false));
        extra.removeAll(Set.of("equals(Object)", "hashCode()", "toString()", "getClass()", "notify()", "notifyAll()",
                "wait()", "wait(long)", "wait(long,int)", "iterator()", "forEach(Consumer)", "spliterator()"));
        return extra;
    }

    @Test
    void everyEntryPointHasTheWholeSurface() {
        Set<String> common = signatures(Queryable.class, false);
        Set<String> model = signatures(ModelQueryable.class, false);
        for (Class<?> c : new Class<?>[] {QuerySet.class, ValuesQuerySet.class, Manager.class, RelatedManager.class}) {
            assertThat(signatures(c, false)).as(c.getSimpleName()).containsAll(common);
        }
        for (Class<?> c : new Class<?>[] {QuerySet.class, Manager.class, RelatedManager.class}) {
            assertThat(signatures(c, false)).as(c.getSimpleName()).containsAll(model);
        }
        assertThat(ModelQueryable.class.getInterfaces()).contains(Queryable.class);
    }

    @Test
    void noEntryPointGrowsQueryMethodsOfItsOwn() {
        assertThat(beyond(QuerySet.class, ModelQueryable.class)).as("QuerySet beyond ModelQueryable")
                .containsExactlyInAnyOrder("using(Quarry)", "using(String)", "delete()");
        assertThat(beyond(ValuesQuerySet.class, Queryable.class)).as("ValuesQuerySet beyond Queryable")
                .containsExactlyInAnyOrder("using(Quarry)", "using(String)", "as(Class)");
        assertThat(beyond(Manager.class, ModelQueryable.class)).as("Manager beyond ModelQueryable")
                .containsExactlyInAnyOrder("all()", "using(Quarry)", "using(String)", "raw(String,Object[])", "create(Consumer)", "create(Map)",
                        "bulkCreate(List)", "bulkCreate(List,int)", "bulkCreate(List,OnConflict)",
                        "bulkCreate(List,int,OnConflict)");
        assertThat(beyond(RelatedManager.class, ModelQueryable.class)).as("RelatedManager beyond ModelQueryable")
                .containsExactlyInAnyOrder("all()", "create(Consumer)", "create(Map)", "create(Map,Map)", "add(Model[])",
                        "add(Collection)", "add(Collection,Map)", "remove(Model[])", "remove(Collection)", "clear()",
                        "set(Collection)", "set(Collection,Map)", "add(Collection,boolean)", "remove(Collection,boolean)",
                        "clearEach()", "set(Collection,boolean)");
        assertThat(beyond(ManyToMany.class, RelatedManager.class)).as("ManyToMany beyond RelatedManager").isEmpty();
    }

    @Test
    void deletingEveryRowTakesAQuerySet() {
        // As Django: Manager has no delete(), so Author.objects.delete() cannot wipe a table by accident.
        assertThat(signatures(Manager.class, false)).doesNotContain("delete()");
        assertThat(signatures(RelatedManager.class, false)).doesNotContain("delete()");
    }
}
