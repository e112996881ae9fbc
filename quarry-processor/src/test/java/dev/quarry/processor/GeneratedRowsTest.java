package dev.quarry.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.ModelInfo;
import dev.quarry.Quarry;
import dev.quarry.model.ModelMeta;
import java.math.BigDecimal;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A generated accessor reads a whole row into a new instance ({@code readRow}, a call site per field), and a
 * result of its model alone in a loop of its own ({@code readRows}); a
 * model compiled without one ({@code -Aquarry.accessors=false}) is read field by field. Both give the same
 * values, for every kind of field the row reading treats apart: a primary key that is not {@code id}, a
 * primitive read as a wider number, a boolean, NULLs, an enum stored by name, a decimal, a date, a foreign
 * key to a whole-number key and one to a text key, both with and without {@code selectRelated}, fields the
 * accessor lists that are not model fields (a package-private field, {@code id} beside another primary key), and a refused stored value, which fails with the same message both ways.
 */
class GeneratedRowsTest {
    private static final String COLOR = """
            package gauges;

            public enum Color { RED, GREEN }
            """;

    private static final String DIAL = """
            package gauges;

            import dev.quarry.Manager;
            import dev.quarry.Model;
            import dev.quarry.annotation.CharField;

            public class Dial extends Model {
                public static final Manager<Dial> objects = Manager.of(Dial.class);

                @CharField(maxLength = 20)
                public String label;
            }
            """;

    private static final String CODE = """
            package gauges;

            import dev.quarry.Manager;
            import dev.quarry.Model;
            import dev.quarry.annotation.CharField;

            public class Code extends Model {
                public static final Manager<Code> objects = Manager.of(Code.class);

                @CharField(maxLength = 10, primaryKey = true)
                public String code;

                @CharField(maxLength = 20)
                public String label;
            }
            """;

    private static final String GAUGE = """
            package gauges;

            import dev.quarry.Manager;
            import dev.quarry.Model;
            import dev.quarry.Ref;
            import dev.quarry.annotation.BooleanField;
            import dev.quarry.annotation.CharField;
            import dev.quarry.annotation.DateField;
            import dev.quarry.annotation.DecimalField;
            import dev.quarry.annotation.ForeignKey;
            import dev.quarry.annotation.IntegerField;
            import dev.quarry.annotation.OnDelete;
            import dev.quarry.annotation.SmallIntegerField;
            import java.math.BigDecimal;
            import java.time.LocalDate;

            public class Gauge extends Model {
                public static final Manager<Gauge> objects = Manager.of(Gauge.class);

                @CharField(maxLength = 20)
                public String name;

                @IntegerField
                public int count;

                @SmallIntegerField
                public short small;

                @BooleanField
                public boolean lit;

                @IntegerField(nullable = true)
                public Integer spare;

                @DecimalField(maxDigits = 8, decimalPlaces = 2, nullable = true)
                public BigDecimal price;

                @DateField(nullable = true)
                public LocalDate day;

                @CharField(maxLength = 5)
                public Color color = Color.RED;

                @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "gauges")
                public Ref<Dial> dial;

                @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "gauges")
                public Ref<Code> code;

                /** Not a model field: the accessor lists it, no query reads it. */
                String scratch = "untouched";
            }
            """;

    private static Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("gauges/Color.java", COLOR);
        out.put("gauges/Dial.java", DIAL);
        out.put("gauges/Code.java", CODE);
        out.put("gauges/Gauge.java", GAUGE);
        return out;
    }

    @Test
    void theAccessorReadsEachFieldWithItsOwnReaderAndLeavesTheKeyAndManyToManyToThePlan() {
        Javac.Result r = Javac.compile(sources());
        assertThat(r.errors()).isEmpty();
        String gauge = r.generatedSource("gauges/Gauge__Accessor.java");
        assertThat(gauge)
                .contains("public boolean readsRows() {\n    return true;")
                .contains("public void readRow(Object instance, Object key, ResultSet rs, RowPlan plan) throws SQLException {\n"
                        + "    fill((Gauge) instance, key, rs, plan);")
                .contains("public boolean readsRowLoops() {\n    return true;")
                // a whole result in the accessor's own loop, a new instance per row with a key
                .contains("public void readRows(ResultSet rs, RowPlan plan, RowSink sink) throws SQLException {\n"
                        + "    while (rs.next()) {\n      Object key = plan.rowKey(rs);\n      Gauge m = null;\n"
                        + "      if (key != null) {\n        m = new Gauge();\n        fill(m, key, rs, plan);\n      }\n"
                        + "      if (!sink.loaded(m)) {\n        return;")
                .contains("case 0 -> m.id = (Long) key;")
                .contains("m.name = (String) plan.value(1, c[1].read(rs, col[1]));")
                // a primitive keeps its default for NULL
                .contains("Object v = plan.value(2, c[2].read(rs, col[2]));\n      if (v != null) {\n        m.count = (Integer) v;")
                .contains("plan.key(9, rs, m.dial);");
        assertThat(r.generatedSource("gauges/Code__Accessor.java")).contains("case 1 -> m.code = (String) key;");
    }

    @Test
    void generatedAndFieldByFieldReadingGiveTheSameValues() throws Exception {
        List<String> generated = run(Javac.compile(sources()), true);
        List<String> reflective = run(Javac.compile(sources(), "-Aquarry.accessors=false"), false);
        assertThat(generated).isEqualTo(reflective).containsExactly(
                "full|7|-3|true|42|12.50|2024-02-29|GREEN|dial=1|code=A1|untouched",
                "empty|0|0|false|null|null|null|RED|dial=null|code=null|untouched",
                "related full|front|A1:alpha", "related empty|null|null",
                "refused: Gauge with id = 2: Gauge.color: the column holds a value that is not a Color (expected one of "
                        + "the names of Color); got 'PINK'",
                "16 threads: 1600 rows, 0 errors");
    }

    /** Creates and loads the same rows with the compiled models; the lines describe what was read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> run(Javac.Result compiled, boolean expectGenerated) throws Exception {
        assertThat(compiled.errors()).isEmpty();
        Path file = Files.createTempFile("quarry-rows-", ".db");
        try (URLClassLoader loader = compiled.loader()) {
            Class<? extends Model> dial = loader.loadClass("gauges.Dial").asSubclass(Model.class);
            Class<? extends Model> code = loader.loadClass("gauges.Code").asSubclass(Model.class);
            Class<? extends Model> gauge = loader.loadClass("gauges.Gauge").asSubclass(Model.class);
            Class<? extends Enum> color = loader.loadClass("gauges.Color").asSubclass(Enum.class);
            assertThat(ModelMeta.of(gauge).usesGeneratedAccessor()).isEqualTo(expectGenerated);
            if (expectGenerated) {
                assertThat(ModelMeta.of(gauge).generatedAccessor().readsRows()).isTrue();
            }
            try (Quarry db = Quarry.builder().url("jdbc:sqlite:" + file).models(dial, code, gauge).build()) {
                db.createTables();
                Model front = Manager.of(dial).using(db).create(Map.of("label", "front"));
                Model a1 = Manager.of(code).using(db).create(Map.of("code", "A1", "label", "alpha"));
                Map<String, Object> full = new LinkedHashMap<>();
                full.put("name", "full");
                full.put("count", 7);
                full.put("small", (short) -3);
                full.put("lit", true);
                full.put("spare", 42);
                full.put("price", new BigDecimal("12.50"));
                full.put("day", LocalDate.of(2024, 2, 29));
                full.put("color", Enum.valueOf(color, "GREEN"));
                full.put("dial", front);
                full.put("code", a1);
                Manager.of(gauge).using(db).create(full);
                Manager.of(gauge).using(db).create(Map.of("name", "empty"));

                ModelInfo info = db.model(gauge);
                List<String> out = new ArrayList<>();
                for (Model g : Manager.of(gauge).using(db).orderBy("id").list()) {
                    StringBuilder line = new StringBuilder();
                    for (String f : List.of("name", "count", "small", "lit", "spare", "price", "day", "color")) {
                        line.append(line.length() == 0 ? "" : "|").append(info.get(g, f));
                    }
                    line.append("|dial=").append(key(g, "dial")).append("|code=").append(key(g, "code"))
                            .append('|').append(scratch(g));
                    out.add(line.toString());
                }
                for (Model g : Manager.of(gauge).using(db).selectRelated("dial", "code").orderBy("id").list()) {
                    Model d = ((dev.quarry.Ref<Model>) gauge.getField("dial").get(g)).get();
                    Model c = ((dev.quarry.Ref<Model>) gauge.getField("code").get(g)).get();
                    out.add("related " + info.get(g, "name") + "|" + (d == null ? null : db.model(dial).get(d, "label"))
                            + "|" + (c == null ? null : db.model(code).get(c, "code") + ":" + db.model(code).get(c, "label")));
                }
                out.add("16 threads: " + threads(db, gauge));
                // The second row: the message names the row that failed, not the first.
                db.execute("UPDATE gauge SET color = 'PINK' WHERE name = 'empty'");
                assertThatThrownBy(() -> Manager.of(gauge).using(db).orderBy("id").list())
                        .isInstanceOf(InvalidValueError.class)
                        .satisfies(e -> out.add(out.size() - 1, "refused: " + e.getMessage()));
                return out;
            }
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    /** The package-private field that is not a model field. */
    private static Object scratch(Model g) throws ReflectiveOperationException {
        java.lang.reflect.Field f = g.getClass().getDeclaredField("scratch");
        f.setAccessible(true);
        return f.get(g);
    }

    /** The key a loaded row's Ref holds, without loading its target. */
    private static Object key(Model g, String field) throws ReflectiveOperationException {
        return ((dev.quarry.Ref<?>) g.getClass().getField(field).get(g)).id();
    }

    /** 16 threads each loading both rows 50 times through the one compiled shape; the rows read, and the errors. */
    private static String threads(Quarry db, Class<? extends Model> gauge) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger rows = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            for (Model g : Manager.of(gauge).using(db).orderBy("id").list()) {
                                if (db.model(gauge).get(g, "name") != null) {
                                    rows.incrementAndGet();
                                }
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return rows.get() + " rows, " + errors.get() + " errors";
    }
}
