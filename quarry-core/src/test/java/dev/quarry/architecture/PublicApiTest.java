package dev.quarry.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API stays small and honest: no public signature of a user-facing package mentions an
 * internal type (or an SPI type, which is for extenders), and every public type and member, API or
 * internal, has a Javadoc sentence (in quarry-core, quarry-test and quarry-jackson, the published jars).
 */
class PublicApiTest {
    /** The packages users write code against. */
    private static final List<String> USER_PACKAGES = List.of("dev.quarry", "dev.quarry.annotation", "dev.quarry.expr",
            "dev.quarry.query.typed");
    private static final Path SOURCES = Path.of("src/main/java");
    /** Every main source tree whose public declarations must be documented (internal ones too: they are read by the next developer). */
    private static final List<Path> DOCUMENTED = List.of(SOURCES, Path.of("../quarry-test/src/main/java"),
            Path.of("../quarry-jackson/src/main/java"), Path.of("../quarry-processor/src/main/java"));

    @Test
    void userFacingSignaturesMentionOnlyApiAndJdkTypes() throws Exception {
        assertThat(leaks(USER_PACKAGES, USER_PACKAGES, Set.of())).as("public signatures of %s", USER_PACKAGES).isEmpty();
    }

    /**
     * Migrations are written by users (and by {@code makemigrations}): their API mentions the API packages,
     * itself and one SPI value, the storage kind of a field.
     */
    @Test
    void migrationSignaturesMentionOnlyApiTypesAndFieldKinds() throws Exception {
        List<String> allowed = new ArrayList<>(USER_PACKAGES);
        allowed.add("dev.quarry.migrations");
        assertThat(leaks(List.of("dev.quarry.migrations"), allowed, Set.of(dev.quarry.spi.FieldType.class)))
                .as("public signatures of dev.quarry.migrations").isEmpty();
    }

    /** The tools' entry points (fixtures, graph) take and give API types, their own values and JDK types only. */
    @Test
    void toolSignaturesMentionOnlyApiTypes() throws Exception {
        for (String tool : List.of("dev.quarry.fixtures", "dev.quarry.graph")) {
            List<String> allowed = new ArrayList<>(USER_PACKAGES);
            allowed.add(tool);
            assertThat(leaks(List.of(tool), allowed, Set.of())).as("public signatures of %s", tool).isEmpty();
        }
    }

    private static List<String> leaks(List<String> packages, List<String> allowedPackages, Set<Class<?>> allowedTypes)
            throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : publicClasses(packages)) {
            for (Executable e : members(c)) {
                List<Type> types = new ArrayList<>(List.of(e.getGenericParameterTypes()));
                if (e instanceof Method m) {
                    types.add(m.getGenericReturnType());
                }
                for (Type t : types) {
                    for (Class<?> used : mentioned(t)) {
                        if (!allowed(used, allowedPackages) && !allowedTypes.contains(used)) {
                            leaks.add(c.getSimpleName() + "." + e.getName() + " mentions " + used.getName());
                        }
                    }
                }
            }
            for (Field f : c.getFields()) {
                for (Class<?> used : mentioned(f.getGenericType())) {
                    if (!allowed(used, allowedPackages) && !allowedTypes.contains(used)) {
                        leaks.add(c.getSimpleName() + "." + f.getName() + " mentions " + used.getName());
                    }
                }
            }
        }
        return leaks;
    }

    @Test
    void everyPublicTypeAndMemberHasAJavadocSentence() throws IOException {
        List<String> missing = new ArrayList<>();
        Pattern declaration = Pattern.compile("^\\s*(public|protected)\\s+(?!class\\b|interface\\b|enum\\b|record\\b|"
                + "@interface\\b|final class\\b|abstract class\\b|sealed class\\b|final\\s+class\\b|static\\s+final\\s+class\\b)"
                + "[^=;]*\\(");
        Pattern type = Pattern.compile("^\\s*public\\s+(final\\s+|abstract\\s+|sealed\\s+|static\\s+)*(class|interface|enum|record|@interface)\\s");
        Pattern interfaceMember = Pattern.compile("^    (default\\s+|static\\s+)?(<[^>]+>\\s+)?[\\w<>\\[\\],?.]+(\\s?[\\w<>\\[\\],?.]+)*\\s+\\w+\\(");
        for (Path root : DOCUMENTED) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    boolean isAnnotation = lines.stream().anyMatch(l -> l.contains("public @interface"));
                    boolean isInterface = lines.stream().anyMatch(l -> l.matches("^public\\s+(sealed\\s+)?interface\\s.*"));
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        String trimmed = line.trim();
                        boolean api = type.matcher(line).find() || declaration.matcher(line).find()
                                || ((isAnnotation || isInterface) && interfaceMember.matcher(line).find()
                                && !trimmed.startsWith("return") && !trimmed.startsWith("private")
                                && !trimmed.startsWith("throw") && !trimmed.startsWith("new "));
                        if (api && !line.contains("private") && !documented(lines, i)) {
                            missing.add(file.getFileName() + ":" + (i + 1) + ": " + line.trim());
                        }
                    }
                }
            }
        }
        assertThat(missing).as("public declarations without Javadoc").isEmpty();
    }

    /** Whether the declaration at {@code i} is preceded (over annotations) by a Javadoc comment, or overrides one. */
    private static boolean documented(List<String> lines, int i) {
        int j = i - 1;
        while (j >= 0 && lines.get(j).trim().startsWith("@")) {
            if (lines.get(j).trim().startsWith("@Override")) {
                return true;
            }
            j--;
        }
        return j >= 0 && lines.get(j).trim().endsWith("*/") && javadocStart(lines, j);
    }

    private static boolean javadocStart(List<String> lines, int end) {
        for (int k = end; k >= 0; k--) {
            String t = lines.get(k).trim();
            if (t.startsWith("/**")) {
                return true;
            }
            if (t.startsWith("/*")) {
                return false;
            }
        }
        return false;
    }

    private static List<Executable> members(Class<?> c) {
        List<Executable> out = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            // Bridges count: they are how methods of a package-private superclass (QueryBase) become public.
            if ((Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
                    && (!m.isSynthetic() || m.isBridge())) {
                out.add(m);
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (Modifier.isPublic(k.getModifiers()) || Modifier.isProtected(k.getModifiers())) {
                out.add(k);
            }
        }
        return out;
    }

    private static boolean allowed(Class<?> c, List<String> packages) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || c.getName().startsWith("java.") || c.getName().startsWith("javax.sql.")) {
            return true;
        }
        String pkg = c.getPackageName();
        return packages.contains(pkg);
    }

    private static Set<Class<?>> mentioned(Type t) {
        Set<Class<?>> out = new java.util.HashSet<>();
        collect(t, out, new java.util.HashSet<>());
        return out;
    }

    private static void collect(Type t, Set<Class<?>> out, Set<Type> seen) {
        if (!seen.add(t)) {
            return;
        }
        if (t instanceof Class<?> c) {
            out.add(c);
        } else if (t instanceof ParameterizedType p) {
            collect(p.getRawType(), out, seen);
            for (Type a : p.getActualTypeArguments()) {
                collect(a, out, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            collect(g.getGenericComponentType(), out, seen);
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                collect(b, out, seen);
            }
            for (Type b : w.getLowerBounds()) {
                collect(b, out, seen);
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                collect(b, out, seen);
            }
        }
    }

    /** The public classes of these packages, found from the compiled classes of the main source tree. */
    static List<Class<?>> publicClasses(List<String> packages) throws IOException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        for (String pkg : packages) {
            Path dir = SOURCES.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"))
                        .forEach(f -> names.add(pkg + "." + f.getFileName().toString().replace(".java", "")));
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            Class<?> c = Class.forName(n);
            addPublic(c, out);
        }
        return out;
    }

    private static void addPublic(Class<?> c, List<Class<?>> out) {
        if (Modifier.isPublic(c.getModifiers())) {
            out.add(c);
            for (Class<?> inner : c.getDeclaredClasses()) {
                addPublic(inner, out);
            }
        }
    }
}
