package dev.quarry.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.DatabaseError;
import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.Quarry;
import dev.quarry.RawQuerySet;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The escape hatch: {@code Manager.raw(sql, params...)} reads instances from hand-written SQL
 * (columns matched by name, the primary key required, missing fields deferred, other columns as
 * annotations), and {@code Quarry.execute/query/queryLists} run any statement with bind
 * parameters in Quarry's transactions. Expected values are Django 3.2's on the same rows
 * ({@code django_raw.py}); where Quarry differs deliberately the test says so.
 */
@QuarryTest(models = {Author.class, Book.class})
class RawSqlTest {

    private static List<String> titles(Queries queries, RawQuerySet<Book> raw) {
        return queries.assertNumQueries(1, () -> raw.list().stream().map(b -> b.title).toList());
    }

    @Test
    void rawReadsEveryColumnIntoInstances(Queries queries) {
        Book.rows();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.raw("SELECT * FROM raw_book ORDER BY id").list());
        assertThat(books).extracting(b -> b.title).containsExactly("Dune", "Emma", "Faust");
        assertThat(books).extracting(b -> b.pages).containsExactly(412, 320, 180);
        assertThat(books).extracting(b -> b.published).containsExactly(LocalDate.of(1965, 8, 1), LocalDate.of(1996, 6, 15),
                null);
        Author ann = Author.objects.get("name", "ann");
        assertThat(books.get(0).author.id()).isEqualTo(ann.id);
        assertThat(books.get(0).deferredFields()).isEmpty();
        assertThat(books.get(0).isPersisted()).isTrue();
        assertThat(books.get(0).database()).contains("default");
        // The instances load their relations as any others do.
        assertThat(queries.assertNumQueries(1, () -> books.get(0).author.get().name)).isEqualTo("ann");
    }

    @Test
    void rawBindsParametersAsLookupsDo(Queries queries) {
        Book.rows();
        Author ann = Author.objects.get("name", "ann");
        assertThat(titles(queries, Book.objects.raw("SELECT * FROM raw_book WHERE pages > ? ORDER BY id", 300)))
                .containsExactly("Dune", "Emma");
        assertThat(titles(queries, Book.objects.raw("SELECT * FROM raw_book WHERE published < ?", LocalDate.of(1990, 1, 1))))
                .containsExactly("Dune");
        // A model instance binds as its key.
        assertThat(titles(queries, Book.objects.raw("SELECT * FROM raw_book WHERE author_id = ? ORDER BY id", ann)))
                .containsExactly("Dune", "Emma");
        assertThat(Book.objects.raw("SELECT * FROM raw_book WHERE pages > ?", 300).params()).containsExactly(300);
    }

    @Test
    void missingColumnsAreDeferredUntilLoaded(Queries queries) {
        Book.rows();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.raw("SELECT id, title FROM raw_book ORDER BY id")
                .list());
        Book dune = books.get(0);
        // Django: ['author_id', 'pages', 'published'] (attnames); Quarry names fields.
        assertThat(dune.deferredFields()).containsExactlyInAnyOrder("pages", "published", "author");
        // A Java field cannot load itself when read: a deferred one holds nothing until loaded.
        assertThat(dune.pages).isZero();
        assertThat(dune.published).isNull();
        assertThat(dune.author.id()).isNull();
        // Django loads a deferred field on access with one query; Quarry with refreshFromDb(field), one query.
        queries.assertNumQueries(1, () -> dune.refreshOnly("pages"));
        assertThat(dune.pages).isEqualTo(412);
        assertThat(dune.deferredFields()).containsExactlyInAnyOrder("published", "author");
        queries.assertNumQueries(1, () -> dune.refreshOnly("published", "author"));
        assertThat(dune.published).isEqualTo(LocalDate.of(1965, 8, 1));
        assertThat(dune.author.id()).isEqualTo(Author.objects.get("name", "ann").id);
        assertThat(dune.deferredFields()).isEmpty();
        // refreshFromDb() loads every field, the deferred ones too (Django's reloads only the loaded ones).
        Book emma = books.get(1);
        queries.assertNumQueries(1, emma::refreshFromDb);
        assertThat(emma.pages).isEqualTo(320);
        assertThat(emma.deferredFields()).isEmpty();
        assertThatThrownBy(() -> emma.refreshOnly("nope")).isInstanceOf(FieldError.class)
                .hasMessageContaining("'nope' is not a concrete field of Book").hasMessageContaining("title, pages");
    }

    @Test
    void savingADeferredInstanceWritesOnlyWhatWasLoadedOrAssigned(Queries queries) {
        Book.rows();
        Book emma = Book.objects.raw("SELECT id, title FROM raw_book WHERE title = ?", "Emma").list().get(0);
        emma.title = "Emma!";
        List<ExecutedQuery> ran = queries.assertNumQueries(1, emma::save);
        // Django: UPDATE "raw_book" SET "title" = 'Emma!' WHERE "raw_book"."id" = 2
        assertThat(ran.get(0).sql()).startsWith("UPDATE").contains("title").doesNotContain("pages")
                .doesNotContain("published").doesNotContain("author_id");
        assertThat(Book.objects.filter("pk", emma.id).valuesList("title", "pages").get()).containsExactly("Emma!", 320);
        // A deferred field assigned since counts as loaded.
        emma.pages = 321;
        ran = queries.assertNumQueries(1, emma::save);
        assertThat(ran.get(0).sql()).contains("pages").doesNotContain("published");
        assertThat(Book.objects.filter("pk", emma.id).valuesList("pages", Integer.class).get()).isEqualTo(321);
        assertThat(Book.objects.filter("pk", emma.id).valuesList("published", LocalDate.class).get())
                .isEqualTo(LocalDate.of(1996, 6, 15));
        // Nothing loaded and nothing assigned: nothing to write (Django's save(update_fields=[])).
        Book bare = Book.objects.raw("SELECT id FROM raw_book WHERE title = ?", "Dune").list().get(0);
        queries.assertNumQueries(0, bare::save);
        assertThat(Book.objects.get("title", "Dune").pages).isEqualTo(412);
    }

    @Test
    void otherColumnsBecomeAnnotations(Queries queries) {
        Book.rows();
        List<Book> books = queries.assertNumQueries(1, () -> Book.objects.raw("SELECT b.id, b.title, a.name AS author_name, "
                + "2 * b.pages AS n FROM raw_book b JOIN raw_author a ON a.id = b.author_id ORDER BY b.id").list());
        // Django: [('Dune', 'ann', 824), ('Emma', 'ann', 640), ('Faust', 'bob', 360)]
        assertThat(books).extracting(b -> b.title, b -> b.annotation("author_name"), b -> b.annotation("n", Long.class))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Dune", "ann", 824L),
                        org.assertj.core.groups.Tuple.tuple("Emma", "ann", 640L),
                        org.assertj.core.groups.Tuple.tuple("Faust", "bob", 360L));
        assertThat(books.get(0).deferredFields()).containsExactlyInAnyOrder("pages", "published", "author");
    }

    @Test
    void translationsMapColumnsToFields(Queries queries) {
        Book.rows();
        RawQuerySet<Book> raw = Book.objects.raw("SELECT id AS k, title AS heading FROM raw_book ORDER BY id")
                .translations(Map.of("k", "id", "heading", "title"));
        List<Book> books = queries.assertNumQueries(1, raw::list);
        assertThat(books).extracting(b -> b.id, b -> b.title).containsExactly(
                org.assertj.core.groups.Tuple.tuple(books.get(0).id, "Dune"),
                org.assertj.core.groups.Tuple.tuple(books.get(0).id + 1, "Emma"),
                org.assertj.core.groups.Tuple.tuple(books.get(0).id + 2, "Faust"));
        assertThat(queries.assertNumQueries(1, () -> Book.objects.raw("SELECT id, title AS heading FROM raw_book").columns()))
                .containsExactly("id", "heading");
        // A translation may name a foreign key by its field name; untranslated, a column named so is an annotation.
        Book dune = queries.assertNumQueries(1, () -> Book.objects.raw("SELECT id, author_id AS writer, author_id AS author "
                + "FROM raw_book WHERE title = ?", "Dune").translations(Map.of("writer", "author")).list().get(0));
        assertThat(dune.author.id()).isEqualTo(Author.objects.get("name", "ann").id);
        assertThat(dune.annotation("author", Long.class)).isEqualTo(dune.author.id());
    }

    @Test
    void thePrimaryKeyIsRequired(Queries queries) {
        Book.rows();
        // Django: FieldDoesNotExist("Raw query must include the primary key"), from the columns of the query it ran
        // (a statement whose reading fails is not reported to query listeners, so there is nothing to count).
        assertThatThrownBy(() -> Book.objects.raw("SELECT title FROM raw_book").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Raw query must include the primary key")
                .hasMessageContaining("Book's key is column 'id'").hasMessageContaining("[title]");
        assertThatThrownBy(() -> Book.objects.raw("SELECT title FROM raw_book WHERE pages < 0").list())
                .isInstanceOf(FieldError.class).hasMessageContaining("Raw query must include the primary key");
        assertThat(titles(queries, Book.objects.raw("SELECT id AS ID, title FROM raw_book WHERE pages < 0"))).isEmpty();
    }

    @Test
    void eachIterationRunsTheStatementAgain(Queries queries) {
        Book.rows();
        RawQuerySet<Book> raw = Book.objects.raw("SELECT id, title FROM raw_book ORDER BY id");
        // Django 3.2 caches a RawQuerySet's rows (1 query); a Quarry query is a value without a cache (ADR 0006).
        queries.assertNumQueries(2, () -> {
            raw.list();
            raw.forEach(b -> { });
        });
        Author.objects.get("name", "bob").related("books", Book.class).create(b -> {
            b.title = "Gog";
            b.pages = 1;
        });
        assertThat(titles(queries, raw)).containsExactly("Dune", "Emma", "Faust", "Gog");
        try (Stream<Book> s = queries.assertNumQueries(1, raw::stream)) {
            assertThat(s.map(b -> b.title)).containsExactly("Dune", "Emma", "Faust", "Gog");
        }
    }

    @Test
    void executeAndQueryRunAnyStatementWithParameters(Quarry q, Queries queries) {
        Book.rows();
        Author ann = Author.objects.get("name", "ann");
        // Django: cursor.rowcount 2; then [('Dune', 413), ('Emma', 321)]
        int changed = queries.assertNumQueries(1, () -> q.execute("UPDATE raw_book SET pages = pages + ? WHERE author_id = ?",
                1, ann));
        assertThat(changed).isEqualTo(2);
        assertThat(queries.assertNumQueries(1, () -> q.queryLists("SELECT title, pages FROM raw_book WHERE pages > ? "
                + "ORDER BY id", 200))).containsExactly(List.of("Dune", 413L), List.of("Emma", 321L));
        List<Map<String, Object>> maps = queries.assertNumQueries(1, () -> q.query("SELECT title, pages FROM raw_book "
                + "WHERE title = ?", "Faust"));
        assertThat(maps).containsExactly(Map.of("title", "Faust", "pages", 180L));
        assertThat(maps.get(0).keySet()).containsExactly("title", "pages");
        assertThat(q.queryLists("SELECT COUNT(*) FROM raw_book")).containsExactly(List.of(3L));
        assertThat(q.queryLists("SELECT published FROM raw_book WHERE published IS NULL")).containsExactly(
                Arrays.asList((Object) null));
        assertThat(q.statements("default").database()).isEqualTo("default");
    }

    @Test
    void statementsJoinTheTransactionOfAnAtomicBlock(Quarry q, Queries queries) {
        Book.rows();
        assertThatThrownBy(() -> q.atomic().run(() -> {
            q.execute("DELETE FROM raw_book WHERE pages < ?", 200);
            assertThat(Book.objects.count()).isEqualTo(2);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        assertThat(Book.objects.count()).isEqualTo(3);
        q.atomic().run(() -> q.execute("DELETE FROM raw_book WHERE pages < ?", 200));
        assertThat(Book.objects.count()).isEqualTo(2);
    }

    @Test
    void aFailingStatementIsADatabaseErrorWithoutItsValues(Quarry q, Queries queries) {
        Book.rows();
        Author ann = Author.objects.get("name", "ann");
        // A failed statement is not reported to query listeners; the block's savepoint is.
        DatabaseError e = org.assertj.core.api.Assertions.catchThrowableOfType(DatabaseError.class, () -> q.atomic()
                .run(() -> q.execute("INSERT INTO raw_author (id, name) VALUES (?, ?)", ann.id, "secret-name")));
        assertThat(e).isInstanceOf(dev.quarry.IntegrityError.class);
        assertThat(e.getMessage()).doesNotContain("secret-name").contains("INSERT INTO raw_author (id, name) VALUES (?, ?)");
        assertThat(e.sql()).isEqualTo("INSERT INTO raw_author (id, name) VALUES (?, ?)");
        assertThat(Author.objects.count()).isEqualTo(2);
        assertThatThrownBy(() -> q.statements("nowhere")).isInstanceOf(dev.quarry.ImproperlyConfigured.class)
                .hasMessageContaining("no database named 'nowhere'");
    }

    @Test
    void rawQuerySetIsAValueThatSaysWhatItRuns(Queries queries) {
        RawQuerySet<Book> raw = queries.assertNumQueries(0, () -> Book.objects.raw("SELECT * FROM raw_book WHERE id = ?", 1));
        assertThat(raw.sql()).isEqualTo("SELECT * FROM raw_book WHERE id = ?");
        assertThat(raw).hasToString("RawQuerySet<Book>(SELECT * FROM raw_book WHERE id = ?)");
        assertThat(raw.translations(Map.of("a", "b"))).isNotSameAs(raw);
        assertThat(Set.copyOf(raw.params())).containsExactly(1);
    }
}
