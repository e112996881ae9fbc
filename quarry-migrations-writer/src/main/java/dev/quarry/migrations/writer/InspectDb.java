package dev.quarry.migrations.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.Ref;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.UniqueTogether;
import dev.quarry.backend.Backends;
import dev.quarry.internal.Names;
import dev.quarry.load.Session;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.Introspection.ColumnInfo;
import dev.quarry.spi.Introspection.ForeignKeyInfo;
import dev.quarry.spi.Introspection.TableInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Django's {@code inspectdb} as an API: reads the schema of one of a Quarry's databases (PostgreSQL,
 * MariaDB or SQLite, through the backend's {@code Introspection}) and writes a Quarry model class per table
 * with JavaPoet: fields with their types, lengths, digits and NULL, a primary key other than an
 * auto-increment {@code id}, foreign keys as {@code Ref<Target>} ({@code @OneToOneField} when unique; a second
 * key to the same table gets {@code relatedName = "<model>_<field>_set"}, Django's rule, so reverse names do
 * not clash), {@code unique}, {@code dbIndex} and {@code @Meta(uniqueTogether)}. Foreign keys are
 * {@code onDelete = DO_NOTHING}, as Django writes them: the database's own rule stays in charge. Review the
 * classes before use: a column of an unknown type becomes a text field with a note.
 */
public final class InspectDb {
    private static final String ANNOTATIONS = "dev.quarry.annotation";
    /** JavaPoet's multi-line annotation members: an opening parenthesis ending a line, through the lone closing one. */
    private static final java.util.regex.Pattern ANNOTATION_BLOCK =
            java.util.regex.Pattern.compile("\\(\\n(.*?)\\n\\s*\\)", java.util.regex.Pattern.DOTALL);

    private InspectDb() {}

    /** The tables of the Quarry's database {@code database} as read by its backend's introspection. */
    public static List<TableInfo> read(Quarry quarry, String database) {
        var db = Session.of(Objects.requireNonNull(quarry, "quarry"), database).database();
        return db.withConnection(c -> db.backend().introspection().tables(c));
    }

    /**
     * The tables of the database at the end of {@code connection} (a project without models yet needs no
     * Quarry), read by the introspection of the backend its JDBC URL names.
     */
    public static List<TableInfo> read(java.sql.Connection connection) {
        try {
            return Backends.forUrl(connection.getMetaData().getURL()).introspection().tables(connection);
        } catch (java.sql.SQLException e) {
            throw new dev.quarry.DatabaseError("inspectdb could not read the schema: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), null, e);
        }
    }

    /** One model class per table of the Quarry's database {@code database}, in package {@code packageName}. */
    public static List<JavaFile> write(Quarry quarry, String database, String packageName) {
        return write(read(quarry, database), packageName);
    }

    /** Writes the model classes under {@code sourceRoot}, as {@link #source} gives them; returns the files written. */
    public static List<Path> writeTo(Path sourceRoot, List<JavaFile> files) {
        List<Path> out = new ArrayList<>();
        try {
            for (JavaFile f : files) {
                Path dir = sourceRoot.resolve(f.packageName().replace('.', '/'));
                Files.createDirectories(dir);
                out.add(Files.writeString(dir.resolve(f.typeSpec().name() + ".java"), source(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the models under " + sourceRoot, e);
        }
        return out;
    }

    /** The source of a model class, each annotation on one line ({@code @CharField(maxLength = 13, nullable = true)}). */
    public static String source(JavaFile file) {
        return ANNOTATION_BLOCK.matcher(file.toString()).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                "(" + String.join(" ", m.group(1).strip().split("\\s*\\n\\s*")) + ")"));
    }

    /** One model class per table, in package {@code packageName}. */
    public static List<JavaFile> write(List<TableInfo> tables, String packageName) {
        Map<String, String> classOf = new LinkedHashMap<>();
        for (TableInfo t : tables) {
            classOf.put(t.name(), className(t.name()));
        }
        List<JavaFile> out = new ArrayList<>();
        for (TableInfo t : tables) {
            out.add(JavaFile.builder(packageName, model(t, classOf, packageName)).skipJavaLangImports(true)
                    .indent("    ").build());
        }
        return out;
    }

    /** {@code book_review} to {@code BookReview}. */
    static String className(String table) {
        StringBuilder sb = new StringBuilder();
        for (String part : table.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String name = sb.isEmpty() ? "Table" : sb.toString();
        return Character.isDigit(name.charAt(0)) ? "T" + name : name;
    }

    /** {@code published_date} to {@code publishedDate}. */
    static String fieldName(String column) {
        String[] parts = column.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            sb.append(sb.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        String name = sb.isEmpty() ? "field" : sb.toString();
        return Character.isDigit(name.charAt(0)) || javax.lang.model.SourceVersion.isKeyword(name) ? name + "Field" : name;
    }

    private static TypeSpec model(TableInfo t, Map<String, String> classOf, String packageName) {
        ClassName self = ClassName.get(packageName, classOf.get(t.name()));
        TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC).superclass(Model.class)
                .addJavadoc("Generated by Quarry's inspectdb from table $L; review it before use.\n", t.name());
        type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Manager.class), self), "objects",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer("$T.of($T.class)", Manager.class, self).build());
        Map<String, String> fieldOfColumn = new LinkedHashMap<>();
        Set<String> usedTargets = new HashSet<>();
        boolean singlePk = t.primaryKey().size() == 1;
        for (ColumnInfo c : t.columns()) {
            boolean pk = singlePk && t.primaryKey().get(0).equals(c.name());
            if (pk && c.type() == FieldType.AUTO && c.name().equalsIgnoreCase("id")) {
                fieldOfColumn.put(c.name(), "id");
                continue; // Model's own id
            }
            ForeignKeyInfo fk = t.foreignKeys().stream().filter(k -> k.column().equals(c.name())).findFirst().orElse(null);
            boolean unique = t.uniques().contains(List.of(c.name()));
            boolean indexed = t.indexes().contains(List.of(c.name()));
            if (fk != null && classOf.containsKey(fk.table()) && !pk) {
                String name = fieldName(c.name().toLowerCase(Locale.ROOT).endsWith("_id")
                        ? c.name().substring(0, c.name().length() - 3) : c.name());
                fieldOfColumn.put(c.name(), name);
                type.addField(relation(t, c, fk, name, unique, classOf, packageName, usedTargets));
            } else {
                String name = fieldName(c.name());
                fieldOfColumn.put(c.name(), name);
                type.addField(plain(c, name, pk, unique, indexed));
            }
        }
        AnnotationSpec.Builder meta = AnnotationSpec.builder(Meta.class).addMember("dbTable", "$S", t.name());
        List<List<String>> together = t.uniques().stream().filter(u -> u.size() > 1).toList();
        for (List<String> u : together) {
            AnnotationSpec.Builder ut = AnnotationSpec.builder(UniqueTogether.class);
            u.forEach(col -> ut.addMember("value", "$S", fieldOfColumn.getOrDefault(col, fieldName(col))));
            meta.addMember("uniqueTogether", "$L", ut.build());
        }
        if (!singlePk) {
            type.addJavadoc("<p>The table has $L; Quarry models have one primary key, so set one by hand.\n",
                    t.primaryKey().isEmpty() ? "no primary key" : "a primary key of several columns " + t.primaryKey());
        }
        return type.addAnnotation(meta.build()).build();
    }

    private static FieldSpec relation(TableInfo t, ColumnInfo c, ForeignKeyInfo fk, String name, boolean unique,
                                      Map<String, String> classOf, String packageName, Set<String> usedTargets) {
        ClassName target = ClassName.get(packageName, classOf.get(fk.table()));
        AnnotationSpec.Builder a = AnnotationSpec.builder(ClassName.get(ANNOTATIONS, unique ? "OneToOneField" : "ForeignKey"))
                .addMember("onDelete", "$T.DO_NOTHING", OnDelete.class);
        if (!usedTargets.add(fk.table())) {
            a.addMember("relatedName", "$S", classOf.get(t.name()).toLowerCase(Locale.ROOT) + "_" + Names.snake(name) + "_set");
        }
        if (c.nullable()) {
            a.addMember("nullable", "true");
        }
        if (!c.name().equals(Names.snake(name) + "_id")) {
            a.addMember("dbColumn", "$S", c.name());
        }
        return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(Ref.class), target), name, Modifier.PUBLIC)
                .addAnnotation(a.build()).build();
    }

    private static FieldSpec plain(ColumnInfo c, String name, boolean pk, boolean unique, boolean indexed) {
        FieldType type = c.type() == FieldType.AUTO ? FieldType.INTEGER : c.type();
        String annotation = switch (type) {
            case CHAR -> "CharField";
            case INTEGER, POSITIVE_INTEGER, AUTO -> "IntegerField";
            case BIGINT -> "BigIntegerField";
            case SMALLINT, POSITIVE_SMALLINT -> "SmallIntegerField";
            case BOOLEAN -> "BooleanField";
            case FLOAT -> "FloatField";
            case DECIMAL -> "DecimalField";
            case DATE -> "DateField";
            case DATETIME, LOCAL_DATETIME -> "DateTimeField";
            case TIME -> "TimeField";
            case UUID -> "UUIDField";
            case BINARY -> "BinaryField";
            case DURATION -> "BigIntegerField";
            default -> "TextField";
        };
        TypeName java = switch (annotation) {
            case "CharField", "TextField" -> ClassName.get(String.class);
            case "IntegerField" -> c.nullable() ? ClassName.get(Integer.class) : TypeName.INT;
            case "BigIntegerField" -> c.nullable() ? ClassName.get(Long.class) : TypeName.LONG;
            case "SmallIntegerField" -> c.nullable() ? ClassName.get(Short.class) : TypeName.SHORT;
            case "BooleanField" -> c.nullable() ? ClassName.get(Boolean.class) : TypeName.BOOLEAN;
            case "FloatField" -> c.nullable() ? ClassName.get(Double.class) : TypeName.DOUBLE;
            case "DecimalField" -> ClassName.get(java.math.BigDecimal.class);
            case "DateField" -> ClassName.get(java.time.LocalDate.class);
            case "DateTimeField" -> ClassName.get(java.time.Instant.class);
            case "TimeField" -> ClassName.get(java.time.LocalTime.class);
            case "UUIDField" -> ClassName.get(java.util.UUID.class);
            default -> TypeName.get(byte[].class);
        };
        AnnotationSpec.Builder a = AnnotationSpec.builder(ClassName.get(ANNOTATIONS, annotation));
        if (type == FieldType.CHAR) {
            a.addMember("maxLength", "$L", c.maxLength() > 0 ? c.maxLength() : 255);
        }
        if (type == FieldType.DECIMAL) {
            a.addMember("maxDigits", "$L", c.maxDigits()).addMember("decimalPlaces", "$L", c.decimalPlaces());
        }
        if (c.nullable()) {
            a.addMember("nullable", "true");
        }
        boolean full = !annotation.equals("BinaryField");
        if (full && pk) {
            a.addMember("primaryKey", "true");
        } else if (full && unique) {
            a.addMember("unique", "true");
        } else if (full && indexed) {
            a.addMember("dbIndex", "true");
        }
        if (!c.name().equals(Names.snake(name))) {
            a.addMember("dbColumn", "$S", c.name());
        }
        FieldSpec.Builder f = FieldSpec.builder(java, name, Modifier.PUBLIC).addAnnotation(a.build());
        if (c.guessed()) {
            f.addJavadoc("The column's type $L is unknown to Quarry: a text field is a guess.\n", c.dbType());
        }
        return f.build();
    }
}
