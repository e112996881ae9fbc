package dev.quarry.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles small sources with the system compiler and the metamodel processor, against the test class
 * path (quarry-core), into a fresh directory: what a user's build does, in a test.
 */
final class Javac {
    /** The outcome: whether javac succeeded, its errors, and where sources and classes went. */
    record Result(boolean success, List<String> errors, Path generated, Path classes) {
        /** A generated source, by path under the generated-sources directory ({@code lib/Book_.java}). */
        String generatedSource(String file) {
            try {
                return Files.readString(generated.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A class loader over the compiled classes, child of the test's (so it shares dev.quarry). */
        URLClassLoader loader() {
            try {
                return new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Javac() {}

    /** Compiles {@code sources} (file name to text, {@code "lib/Book.java"}) with the processor and these options. */
    static Result compile(Map<String, String> sources, String... options) {
        try {
            // Under target/, so "mvn clean" removes them.
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "javac-tests")), "run");
            Path src = Files.createDirectories(root.resolve("src"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
                        "-classpath", System.getProperty("java.class.path"), "--release", "17", "-Xlint:all,-processing"));
                args.addAll(List.of(options));
                JavaCompiler.CompilationTask task = javac.getTask(null, fm, diagnostics, args, null,
                        fm.getJavaFileObjectsFromPaths(files));
                task.setProcessors(List.of(new MetamodelProcessor()));
                boolean ok = task.call();
                List<String> errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                                || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                        .map(d -> (d.getKind() == Diagnostic.Kind.ERROR ? "" : "warning: ")
                                + (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
                                + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT))
                        .collect(Collectors.toList());
                return new Result(ok, errors, generated, classes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
