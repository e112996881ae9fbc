package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.model.ModelMeta;
import java.net.URLClassLoader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Beside each metamodel the processor writes the model's accessor ({@code Book__Accessor}); the core
 * finds it and reads, writes and creates instances through it instead of reflection. A model compiled
 * without it ({@code -Aquarry.accessors=false}) takes the reflective path; both give the same rows in
 * the same number of queries.
 */
class GeneratedAccessorTest {

    @Test
    void theAccessorSwitchesOverTheModelsFields() {
        Javac.Result r = Javac.compile(LibrarySources.models());
        assertThat(r.errors()).isEmpty();
        assertThat(r.generatedSource("lib/Book__Accessor.java"))
                .contains("public final class Book__Accessor implements ModelAccessor {")
                .contains("List.of(\"id\", \"title\", \"author\", \"publishedDate\", \"isbn\", \"tags\")")
                .contains("case 1 -> m.title;")
                .contains("case 2 -> m.author = (Ref<Author>) value;")
                .contains("return new Book();")
                // the constructor's relation holders, in one call: a Ref kept if already there, the ManyToMany made
                .contains("RELATIONS = List.of(\"author\", \"tags\")")
                .contains("m.author = (Ref<Author>) holders.ref(m);")
                .contains("m.tags = (ManyToMany<Tag>) holders.manyToMany(m);");
        assertThat(r.generatedSource("lib/Review__Accessor.java")).contains("m.rating = (Integer) value;");
        assertThat(Javac.compile(LibrarySources.models(), "-Aquarry.accessors=false").generated()
                .resolve("lib/Book__Accessor.java")).doesNotExist();
    }

    @Test
    void generatedAndReflectivePathsGiveTheSameRowsInTheSameQueries() throws Exception {
        Javac.Result generated = Javac.compile(LibrarySources.models());
        Javac.Result reflective = Javac.compile(LibrarySources.models(), "-Aquarry.accessors=false");
        assertThat(generated.errors()).isEmpty();
        assertThat(reflective.errors()).isEmpty();
        List<String> viaGenerated = run(generated, true);
        List<String> viaReflection = run(reflective, false);
        assertThat(viaGenerated).isEqualTo(viaReflection)
                .contains("Dune|Frank Herbert|1965-08-01|tags=[classic, sf]|reviews=[ann:5, bob:4]", "queries=3");
    }

    /** Creates and loads the same rows with the compiled models; the lines describe what was read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> run(Javac.Result compiled, boolean expectGenerated) throws Exception {
        try (URLClassLoader loader = compiled.loader()) {
            Class<? extends Model> author = loader.loadClass("lib.Author").asSubclass(Model.class);
            Class<? extends Model> book = loader.loadClass("lib.Book").asSubclass(Model.class);
            Class<? extends Model> review = loader.loadClass("lib.Review").asSubclass(Model.class);
            Class<? extends Model> tag = loader.loadClass("lib.Tag").asSubclass(Model.class);
            for (Class<?> c : List.of(author, book, review, tag)) {
                ModelMeta meta = ModelMeta.of(c);
                assertThat(meta.usesGeneratedAccessor()).as(c.getSimpleName()).isEqualTo(expectGenerated);
                assertThat(meta.fields()).allSatisfy(f -> assertThat(f.usesGeneratedAccessor()).isEqualTo(expectGenerated));
            }
            try (Quarry db = Quarry.builder().url("jdbc:sqlite::memory:").models(author, book, review, tag).build()) {
                db.createTables();
                Model herbert = create(author, db, Map.of("name", "Frank Herbert"));
                Model dune = create(book, db, Map.of("title", "Dune", "author", herbert, "publishedDate",
                        LocalDate.of(1965, 8, 1), "isbn", "x"));
                create(book, db, Map.of("title", "Children of Dune", "author", herbert, "publishedDate",
                        LocalDate.of(1976, 4, 1), "isbn", "y"));
                ((dev.quarry.RelatedManager) dune.related("tags")).add(create(tag, db, Map.of("name", "sf")),
                        create(tag, db, Map.of("name", "classic")));
                create(review, db, Map.of("book", dune, "userName", "ann", "rating", 5));
                create(review, db, Map.of("book", dune, "userName", "bob", "rating", 4));

                ModelInfo bookInfo = db.model(book);
                List<String> out = new ArrayList<>();
                AtomicInteger queries = new AtomicInteger();
                db.addQueryListener(q -> queries.incrementAndGet());
                for (Model b : loaded(book, db)) {
                    Model writer = ((Ref<Model>) bookInfo.type().getField("author").get(b)).get();
                    List<String> tagNames = new ArrayList<>();
                    for (Object t : b.related("tags").all()) {
                        tagNames.add(String.valueOf(db.model(tag).get((Model) t, "name")));
                    }
                    tagNames.sort(null);
                    List<String> reviewLines = new ArrayList<>();
                    for (Object rv : b.related("review_set").all()) {
                        reviewLines.add(db.model(review).get((Model) rv, "userName") + ":" + db.model(review).get((Model) rv, "rating"));
                    }
                    reviewLines.sort(null);
                    out.add(bookInfo.get(b, "title") + "|" + db.model(author).get(writer, "name") + "|"
                            + bookInfo.get(b, "publishedDate") + "|tags=" + tagNames + "|reviews=" + reviewLines);
                }
                out.add("queries=" + queries.get());
                return out;
            }
        }
    }

    private static <T extends Model> T create(Class<T> type, Quarry db, Map<String, ?> values) {
        return Manager.of(type).using(db).create(values);
    }

    private static <T extends Model> List<T> loaded(Class<T> type, Quarry db) {
        return Manager.of(type).using(db).selectRelated("author").prefetchRelated("tags", "review_set").orderBy("id").list();
    }
}
