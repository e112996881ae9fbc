package dev.quarry.errors;

import static dev.quarry.expr.Aggregates.avg;
import static dev.quarry.expr.Aggregates.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.quarry.DoesNotExist;
import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.ImproperlyConfigured;
import dev.quarry.IntegrityError;
import dev.quarry.InvalidValueError;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.MultipleObjectsReturned;
import dev.quarry.ProtectedError;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuarryException;
import dev.quarry.QueryError;
import dev.quarry.Ref;
import dev.quarry.RestrictedError;
import dev.quarry.ValidationError;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Every exception Quarry throws for a user's mistake belongs to the documented family under
 * {@link QuarryException} (never a bare IllegalArgumentException, IllegalStateException or
 * ClassCastException), carries the parts a caller acts on (model, name, lookup, blocking rows), and
 * keeps values out of its message, or bounded. The models live in this file so that the package
 * keeps one set of model files per test class.
 */
@QuarryTest(models = {ExceptionFamilyTest.Shelf.class, ExceptionFamilyTest.Volume.class, ExceptionFamilyTest.Loan.class})
class ExceptionFamilyTest {

    /** A shelf; its volumes PROTECT it from deletion. */
    public static class Shelf extends Model {
        public static final Manager<Shelf> objects = Manager.of(Shelf.class);

        @CharField(maxLength = 20)
        public String name;
    }

    /** A volume on a shelf (PROTECT); its loans RESTRICT its deletion. */
    public static class Volume extends Model {
        public static final Manager<Volume> objects = Manager.of(Volume.class);

        @CharField(maxLength = 50)
        public String title;

        @IntegerField(nullable = true)
        public Integer pages;

        @DateField(nullable = true)
        public LocalDate published;

        @ForeignKey(onDelete = OnDelete.PROTECT, relatedName = "volumes")
        public Ref<Shelf> shelf;
    }

    /** A loan of a volume (RESTRICT). */
    public static class Loan extends Model {
        public static final Manager<Loan> objects = Manager.of(Loan.class);

        @CharField(maxLength = 20)
        public String reader;

        @ForeignKey(onDelete = OnDelete.RESTRICT, relatedName = "loans")
        public Ref<Volume> volume;
    }

    private static final String MEGABYTE = "secret-" + "v".repeat(1_000_000);

    private static Volume volume(Shelf shelf, String title) {
        return Volume.objects.create(Map.of("title", title, "shelf", shelf));
    }

    /** Asserts {@code mistake} throws a {@code family} member, which is a QuarryException and none of the bare JDK types. */
    private static <E extends QuarryException> E refused(String mistake, Class<E> family, ThrowingCallable call) {
        Throwable t = catchThrowable(call);
        assertThat(t).as(mistake).isNotNull()
                .isNotExactlyInstanceOf(IllegalArgumentException.class)
                .isNotExactlyInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ClassCastException.class)
                .isInstanceOf(QuarryException.class)
                .isInstanceOf(family);
        return family.cast(t);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    // ----- mistakes caught while a query is built: the family, before any SQL -----

    @Test
    void anUnknownLookupIsAFieldErrorNamingTheModelAndTheName(Queries queries) {
        queries.assertNumQueries(0, () -> {
            FieldError field = refused("unknown field", FieldError.class, () -> Volume.objects.filter("colour", "red"));
            assertThat(field.model()).isEqualTo(Volume.class);
            assertThat(field.name()).isEqualTo("colour");
            assertThat(field.getMessage()).contains("colour").contains("title").contains("shelf");
            FieldError lookup = refused("unknown lookup", FieldError.class, () -> Volume.objects.filter("title__resembles", "x"));
            assertThat(lookup.model()).isEqualTo(Volume.class);
            assertThat(lookup.name()).isEqualTo("resembles");
            FieldError transform = refused("a date part of a text field", FieldError.class,
                    () -> Volume.objects.filter("title__year", 2000));
            assertThat(transform.model()).isEqualTo(Volume.class);
            assertThat(transform.name()).isEqualTo("year");
            FieldError across = refused("unknown field across a relation", FieldError.class,
                    () -> Volume.objects.filter("shelf__colour", "red"));
            assertThat(across.model()).isEqualTo(Shelf.class);
            assertThat(across.name()).isEqualTo("colour");
            FieldError reverse = refused("unknown field across a reverse relation", FieldError.class,
                    () -> Shelf.objects.exclude("volumes__colour", "red"));
            assertThat(reverse.model()).isEqualTo(Volume.class);
            assertThat(reverse.name()).isEqualTo("colour");
        });
    }

    @Test
    void everyQueryBuildingMistakeIsAQueryErrorBeforeAnySql(Queries queries) {
        Map<String, Map.Entry<Class<? extends QuarryException>, ThrowingCallable>> mistakes = new LinkedHashMap<>();
        mistakes.put("filter after limit", Map.entry(QueryError.class, () -> Volume.objects.limit(2).filter("title", "x")));
        mistakes.put("orderBy after offset", Map.entry(QueryError.class, () -> Volume.objects.offset(1).orderBy("title")));
        mistakes.put("annotate after slice", Map.entry(QueryError.class,
                () -> Shelf.objects.slice(0, 2).annotate("n", count("volumes"))));
        mistakes.put("values filter after limit", Map.entry(QueryError.class,
                () -> Volume.objects.valuesList("title", String.class).limit(1).filter("title", "x")));
        mistakes.put("negative limit", Map.entry(QueryError.class, () -> Volume.objects.limit(-1)));
        mistakes.put("slice backwards", Map.entry(QueryError.class, () -> Volume.objects.slice(3, 1)));
        mistakes.put("orderBy unknown", Map.entry(FieldError.class, () -> Volume.objects.orderBy("-colour")));
        mistakes.put("values unknown", Map.entry(FieldError.class, () -> Volume.objects.values("colour")));
        mistakes.put("valuesList of the wrong type", Map.entry(FieldError.class,
                () -> Volume.objects.valuesList("title", Integer.class)));
        mistakes.put("selectRelated of a plain field", Map.entry(FieldError.class, () -> Volume.objects.selectRelated("title")));
        mistakes.put("prefetchRelated unknown", Map.entry(FieldError.class, () -> Shelf.objects.prefetchRelated("books")));
        mistakes.put("annotate unknown path", Map.entry(FieldError.class, () -> Shelf.objects.annotate("n", count("books"))));
        mistakes.put("aggregate unknown path", Map.entry(FieldError.class, () -> Volume.objects.aggregate(avg("weight"))));
        mistakes.put("aggregate with a blank path", Map.entry(FieldError.class, () -> count(" ")));
        mistakes.put("update unknown field", Map.entry(FieldError.class, () -> Volume.objects.update("colour", "red")));
        mistakes.put("create unknown field", Map.entry(FieldError.class, () -> Volume.objects.create(Map.of("colour", "red"))));
        mistakes.put("text for an integer", Map.entry(InvalidValueError.class, () -> Volume.objects.filter("pages", "many")));
        mistakes.put("text for a date", Map.entry(InvalidValueError.class, () -> Volume.objects.filter("published", "soon")));
        mistakes.put("text for a key", Map.entry(InvalidValueError.class, () -> Volume.objects.filter("shelf", "top")));
        mistakes.put("a number out of range", Map.entry(InvalidValueError.class,
                () -> Volume.objects.filter("pages", 10_000_000_000L)));
        mistakes.put("a list for in of text", Map.entry(InvalidValueError.class,
                () -> Volume.objects.filter("pages__in", List.of("one", "two"))));
        mistakes.put("a model of the wrong kind", Map.entry(InvalidValueError.class,
                () -> Volume.objects.create(Map.of("title", "t", "shelf", new Loan()))));
        mistakes.put("a model another Quarry does not have", Map.entry(ImproperlyConfigured.class, () -> {
            try (Quarry other = Quarry.builder().url("jdbc:sqlite:").models(Shelf.class).build()) {
                other.model(Loan.class);
            }
        }));
        mistakes.put("a builder without a database", Map.entry(ImproperlyConfigured.class,
                () -> Quarry.builder().models(Shelf.class).build()));
        queries.assertNumQueries(0, () -> mistakes.forEach((what, m) -> refused(what, m.getKey(), m.getValue())));
    }

    @Test
    void anInvalidValueNamesTheModelAndTheField(Queries queries) {
        queries.assertNumQueries(0, () -> {
            InvalidValueError e = refused("text for an integer", InvalidValueError.class,
                    () -> Volume.objects.create(Map.of("title", "Dune", "pages", "many")));
            assertThat(e.model()).isEqualTo(Volume.class);
            assertThat(e.field()).isEqualTo("pages");
            assertThat(e.getMessage()).contains("Volume.pages").contains("'many'");
        });
        assertThat(Volume.objects.count()).isZero();
    }

    @Test
    void relatedWithTheWrongModelIsAFieldError(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        queries.assertNumQueries(0, () -> {
            FieldError e = refused("related with the wrong model", FieldError.class, () -> top.related("volumes", Loan.class));
            assertThat(e.model()).isEqualTo(Shelf.class);
            assertThat(e.name()).isEqualTo("volumes");
            assertThat(e.getMessage()).contains("Volume").contains("Loan").contains("related(\"volumes\", Volume.class)");
            FieldError unknown = refused("related unknown", FieldError.class, () -> top.related("books"));
            assertThat(unknown.getMessage()).contains("volumes");
            assertThat(top.related("volumes", Volume.class).toString()).isEqualTo("Shelf.volumes");
        });
    }

    @Test
    void aKeyAskedForAsATypeThatCannotHoldItIsAFieldError(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Volume dune = volume(top, "Dune");
        queries.assertNumQueries(0, () -> {
            assertThat(top.pk(Long.class)).isEqualTo(top.id);
            FieldError pk = refused("pk(UUID.class) on a Long key", FieldError.class, () -> top.pk(UUID.class));
            assertThat(pk.getMessage()).contains("Shelf.pk").contains("Long").contains("UUID");
            FieldError ref = refused("Ref.id(String.class) on a Long key", FieldError.class, () -> dune.shelf.id(String.class));
            assertThat(ref.getMessage()).contains("Volume.shelf");
            assertThat(dune.shelf.id(Long.class)).isEqualTo(top.id);
        });
    }

    @Test
    void writesThatCannotBeExpressedAreQueryErrors(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Volume dune = volume(top, "Dune");
        Volume unsaved = new Volume();
        queries.assertNumQueries(0, () -> {
            refused("delete an unsaved instance", QueryError.class, unsaved::delete);
            refused("relate an unsaved instance", QueryError.class, () -> new Shelf().related("volumes", Volume.class).add(dune));
            refused("clear a required foreign key", QueryError.class, () -> top.related("volumes").clear());
            refused("stream with prefetchRelated", QueryError.class, () -> Shelf.objects.prefetchRelated("volumes").stream());
        });
        assertThat(Volume.objects.filter("shelf", top).list()).containsExactly(dune);
    }

    // ----- get(): DoesNotExist and MultipleObjectsReturned -----

    @Test
    void doesNotExistNamesTheModelAndTheLookupWithPlaceholders(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        volume(top, "Dune");
        DoesNotExist e = queries.assertNumQueries(1, () -> refused("get of nothing", DoesNotExist.class,
                () -> Volume.objects.filter("shelf__name", "top").get(Q.of("title", "secret-title").or(Q.of("pages__gt", 9_999)))));
        assertThat(e.model()).isEqualTo(Volume.class);
        assertThat(e.lookup()).contains("shelf__name=?").contains("title=?").contains("pages__gt=?").contains("OR")
                .doesNotContain("top").doesNotContain("secret").doesNotContain("9999");
        assertThat(e.getMessage()).startsWith("Volume matching query does not exist.").contains(e.lookup())
                .doesNotContain("secret");
        DoesNotExist all = queries.assertNumQueries(1, () -> refused("get of nothing", DoesNotExist.class,
                () -> Loan.objects.get()));
        assertThat(all.model()).isEqualTo(Loan.class);
        assertThat(all.lookup()).isEqualTo("(all rows)");
    }

    @Test
    void multipleObjectsReturnedNamesTheModelAndTheLookupWithPlaceholders(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        volume(top, "secret-one");
        volume(top, "secret-two");
        MultipleObjectsReturned e = queries.assertNumQueries(1, () -> refused("get of two", MultipleObjectsReturned.class,
                () -> Volume.objects.get("shelf", top)));
        assertThat(e.model()).isEqualTo(Volume.class);
        assertThat(e.lookup()).isEqualTo("filter(shelf=?)");
        assertThat(e.getMessage()).contains("returned 2").contains("filter(shelf=?)").doesNotContain("secret")
                .doesNotContain(String.valueOf(top.id) + ")");
    }

    // ----- ValidationError -----

    @Test
    void aValidationErrorSurvivesJavaSerialization(Queries queries) throws Exception {
        Volume bad = new Volume();
        bad.title = "t".repeat(51);
        ValidationError e = queries.assertNumQueries(0, () -> refused("fullClean", ValidationError.class, bad::fullClean));
        assertThat(e.fieldErrors()).containsKeys("title", "shelf");
        ValidationError copy = roundTrip(e);
        assertThat(copy.fieldErrors()).isEqualTo(e.fieldErrors());
        assertThat(copy.nonFieldErrors()).isEmpty();
        assertThat(copy.getMessage()).isEqualTo(e.getMessage());

        ValidationError both = new ValidationError(Map.of("title", List.of("Too long.", "Not unique.")),
                List.of("A volume needs a shelf or a loan."));
        ValidationError bothCopy = roundTrip(both);
        assertThat(bothCopy.fieldErrors()).containsExactly(Map.entry("title", List.of("Too long.", "Not unique.")));
        assertThat(bothCopy.nonFieldErrors()).containsExactly("A volume needs a shelf or a loan.");
        assertThat(bothCopy.getMessage()).isEqualTo(both.getMessage()).contains("Too long.").contains("needs a shelf");
        assertThat(bothCopy).isInstanceOf(QuarryException.class);
    }

    // ----- deletion refused: PROTECT and RESTRICT -----

    @Test
    void aProtectRefusalCarriesTheBlockingModelKeysAndInstances(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Volume dune = volume(top, "Dune");
        Volume emma = volume(top, "Emma");
        // Two SELECTs: the keys of the blocking rows, then the rows themselves; no DELETE is sent.
        List<ExecutedQuery> ran = queries.assertNumQueries(2, () -> {
            ProtectedError e = refused("delete a protected shelf", ProtectedError.class, top::delete);
            assertThat(e).isInstanceOf(IntegrityError.class);
            assertThat(e.blockingModel()).isEqualTo(Volume.class);
            assertThat(e.blockingKeys()).containsExactlyInAnyOrder(dune.id, emma.id);
            assertThat(List.<Model>copyOf(e.blockingObjects())).containsExactlyInAnyOrder(dune, emma);
            assertThat(e.blockingObjects()).allSatisfy(v -> assertThat(v).isInstanceOf(Volume.class));
            assertThat(e.blockingObjects()).extracting(v -> ((Volume) v).title).containsExactlyInAnyOrder("Dune", "Emma");
            assertThat(e.getMessage()).contains("Volume.shelf").contains("protected foreign key");
        });
        assertThat(ran).noneMatch(q -> q.sql().startsWith("DELETE"));
        assertThat(Shelf.objects.count()).isEqualTo(1);
        assertThat(Volume.objects.count()).isEqualTo(2);
    }

    @Test
    void aRestrictRefusalCarriesTheBlockingModelKeysAndInstances(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Volume dune = volume(top, "Dune");
        Loan ann = Loan.objects.create(Map.of("reader", "ann", "volume", dune));
        Loan bob = Loan.objects.create(Map.of("reader", "bob", "volume", dune));
        List<ExecutedQuery> ran = queries.assertNumQueries(2, () -> {
            RestrictedError e = refused("delete a restricted volume", RestrictedError.class, dune::delete);
            assertThat(e).isInstanceOf(IntegrityError.class);
            assertThat(e.blockingModel()).isEqualTo(Loan.class);
            assertThat(e.blockingKeys()).containsExactlyInAnyOrder(ann.id, bob.id);
            assertThat(List.<Model>copyOf(e.blockingObjects())).containsExactlyInAnyOrder(ann, bob);
            assertThat(e.blockingObjects()).extracting(l -> ((Loan) l).reader).containsExactlyInAnyOrder("ann", "bob");
            assertThat(e.getMessage()).contains("Loan.volume").contains("restricted foreign key");
        });
        assertThat(ran).noneMatch(q -> q.sql().startsWith("DELETE"));
        assertThat(Loan.objects.count()).isEqualTo(2);
        assertThat(Volume.objects.count()).isEqualTo(1);
        // The same refusal from a QuerySet delete, which first selects the matching keys.
        RestrictedError bulk = queries.assertNumQueries(3, () -> refused("delete restricted volumes", RestrictedError.class,
                () -> Volume.objects.filter("title", "Dune").delete()));
        assertThat(bulk.blockingKeys()).containsExactlyInAnyOrder(ann.id, bob.id);
    }

    @Test
    void aRefusalKeepsItsKeysThroughSerialization(Queries queries) throws Exception {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Volume dune = volume(top, "Dune");
        ProtectedError e = queries.assertNumQueries(2, () -> refused("delete a protected shelf", ProtectedError.class,
                top::delete));
        ProtectedError copy = roundTrip(e);
        assertThat(copy.blockingKeys()).containsExactly(dune.id);
        assertThat(copy.getMessage()).isEqualTo(e.getMessage());
        // Instances and classes are not serialized: they belong to this process.
        assertThat(copy.blockingObjects()).isEmpty();
    }

    // ----- a huge value stays out of messages -----

    @Test
    void aMegabyteValueLeavesAMessageUnderTwoKilobytes(Queries queries) {
        Shelf top = Shelf.objects.create(s -> s.name = "top");
        Map<String, ThrowingCallable> mistakes = new LinkedHashMap<>();
        mistakes.put("filter an integer", () -> Volume.objects.filter("pages", MEGABYTE));
        mistakes.put("filter a date", () -> Volume.objects.filter("published__gte", MEGABYTE));
        mistakes.put("filter a key", () -> Volume.objects.filter("shelf", MEGABYTE));
        mistakes.put("filter in", () -> Volume.objects.filter("pages__in", List.of(1, MEGABYTE)));
        mistakes.put("filter a year", () -> Volume.objects.filter("published__year", MEGABYTE));
        mistakes.put("create", () -> Volume.objects.create(Map.of("title", "t", "shelf", top, "pages", MEGABYTE)));
        mistakes.put("update", () -> Volume.objects.update("published", MEGABYTE));
        mistakes.put("assign a key", () -> new Volume().shelf.setId(MEGABYTE));
        mistakes.put("fullClean", () -> {
            Volume v = new Volume();
            v.title = MEGABYTE;
            v.shelf.set(top);
            v.fullClean();
        });
        // One query: fullClean() asks whether the shelf exists, as Django's ForeignKey.validate; the rest fail before SQL.
        queries.assertNumQueries(1, () -> mistakes.forEach((what, call) -> {
            Throwable e = catchThrowable(call);
            if (e == null) {
                return; // setId keeps any key until the instance is saved
            }
            assertThat(e).as(what).isInstanceOf(QuarryException.class);
            assertThat(e.getMessage()).as(what).hasSizeLessThan(2_048).doesNotContain("v".repeat(100));
        }));
        // A lookup that runs: the value is a bind parameter and never reaches the message.
        DoesNotExist missing = queries.assertNumQueries(1, () -> catchThrowableOfType(DoesNotExist.class,
                () -> Volume.objects.get("title", MEGABYTE)));
        assertThat(missing.getMessage()).hasSizeLessThan(2_048).doesNotContain("secret");
    }
}
