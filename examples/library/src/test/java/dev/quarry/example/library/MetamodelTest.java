package dev.quarry.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.FieldInfo;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.RelationInfo;
import dev.quarry.model.ModelMeta;
import dev.quarry.test.Queries;
import dev.quarry.query.typed.FieldPath;
import dev.quarry.query.typed.ManyPath;
import dev.quarry.query.typed.RelatedPath;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generated metamodel of the guide's models names every field and relation as the registry does:
 * member for member, the same lookup names ({@code published_date}, {@code review}) and accessor names
 * ({@code review_set}), single- or multi-valued alike.
 */
@dev.quarry.test.QuarryTest(models = {Author.class, Book.class, Review.class, Tag.class, RecentBook.class,
        AuthorProfile.class, Publisher.class, Contract.class})
class MetamodelTest {
    private static final Map<Class<? extends Model>, Class<?>> METAMODELS = Map.of(
            Author.class, Author_.class, Book.class, Book_.class, Review.class, Review_.class, Tag.class, Tag_.class,
            AuthorProfile.class, AuthorProfile_.class, Publisher.class, Publisher_.class, Contract.class, Contract_.class);

    @Test
    void everyMemberIsAFieldOrRelationOfTheRegistry(Quarry quarry) throws IllegalAccessException {
        for (Map.Entry<Class<? extends Model>, Class<?>> e : METAMODELS.entrySet()) {
            assertThat(generated(e.getValue())).as(e.getValue().getSimpleName()).isEqualTo(registry(quarry.model(e.getKey())));
        }
        assertThat(generated(Book_.class)).containsEntry("review", "review review_set many")
                .containsEntry("publishedDate", "published_date").containsEntry("author", "author author one");
    }

    @Test
    void theGuidesModelsAreReadAndWrittenThroughTheirGeneratedAccessors(Queries queries) {
        // quarry-processor wrote Book__Accessor and the others beside the models: no reflection when loading.
        for (Class<? extends Model> model : METAMODELS.keySet()) {
            ModelMeta meta = ModelMeta.of(model);
            assertThat(meta.usesGeneratedAccessor()).as(model.getSimpleName()).isTrue();
            assertThat(meta.fields()).allSatisfy(f -> assertThat(f.usesGeneratedAccessor()).as(f.toString()).isTrue());
            assertThat(meta.manyToMany()).allSatisfy(m -> assertThat(m.usesGeneratedAccessor()).isTrue());
        }
        Author ann = Author.objects.create(a -> a.name = "Ann");
        Book book = Book.objects.create(b -> {
            b.title = "Dune";
            b.author.set(ann);
            b.publishedDate = java.time.LocalDate.of(1965, 8, 1);
            b.isbn = "9780441013593";
        });
        Book loaded = queries.assertNumQueries(1, () -> Book.objects.selectRelated(Book_.author).get(Book_.id.eq(book.id)));
        assertThat(loaded.title).isEqualTo("Dune");
        assertThat(loaded.author.get().name).isEqualTo("Ann");
        assertThat(loaded.publishedDate).isEqualTo(book.publishedDate);
    }

    private static Map<String, String> registry(ModelInfo info) {
        Map<String, String> out = new TreeMap<>(Map.of("pk", "pk"));
        for (FieldInfo f : info.fields()) {
            if (!f.isForeignKey()) {
                out.put(f.name(), f.queryName());
            }
        }
        for (RelationInfo r : info.relations()) {
            String member = r.kind().name().startsWith("REVERSE") ? r.queryName() : r.name();
            out.put(member, r.queryName() + " " + r.name() + " " + (r.multiValued() ? "many" : "one"));
        }
        return out;
    }

    private static Map<String, String> generated(Class<?> metamodel) throws IllegalAccessException {
        Map<String, String> out = new TreeMap<>();
        for (Field f : metamodel.getFields()) {
            Object path = Modifier.isStatic(f.getModifiers()) ? f.get(null) : null;
            if (path instanceof FieldPath<?> p) {
                out.put(f.getName(), p.path());
            } else if (path instanceof RelatedPath<?> r) {
                out.put(f.getName(), r.path() + " " + r.accessorPath() + " " + (r instanceof ManyPath ? "many" : "one"));
            }
        }
        return out;
    }
}
