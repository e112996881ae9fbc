package dev.quarry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the concrete subclasses of a type named by {@code quarry.models} and {@code quarry.migrations.package}:
 * a class name is that class, a package name is every class of the package (and, when asked, of its
 * subpackages) in class-path directories and jars. Anonymous and local classes are skipped.
 */
final class ClassScanner {
    private final ClassLoader loader;

    ClassScanner(ClassLoader loader) {
        this.loader = loader;
    }

    /** The concrete subclasses of {@code type} that {@code name} (a class or a package) names, sorted by name. */
    <T> List<Class<? extends T>> find(String name, Class<T> type, boolean subpackages) {
        Class<?> single = load(name);
        if (single != null) {
            if (!type.isAssignableFrom(single)) {
                throw new SettingsError(name + " is not a " + type.getSimpleName() + " (it does not extend " + type.getName()
                        + "); name a package or a class that does");
            }
            return List.of(single.asSubclass(type));
        }
        List<Class<? extends T>> out = new ArrayList<>();
        for (String className : classNames(name, subpackages)) {
            Class<?> c = load(className);
            if (c != null && type.isAssignableFrom(c) && c != type && !Modifier.isAbstract(c.getModifiers())
                    && !c.isAnonymousClass() && !c.isLocalClass()) {
                out.add(c.asSubclass(type));
            }
        }
        return out;
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The names of the classes in package {@code pkg}, found in every directory and jar of the class path. */
    private TreeSet<String> classNames(String pkg, boolean subpackages) {
        String path = pkg.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (url.getProtocol().equals("file")) {
                    fromDirectory(Path.of(url.toURI()), pkg, subpackages, names);
                } else if (url.getProtocol().equals("jar")) {
                    fromJar(((JarURLConnection) url.openConnection()).getJarFile(), path, subpackages, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class path for package " + pkg, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static void fromDirectory(Path dir, String pkg, boolean subpackages, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = subpackages ? Files.walk(dir) : Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String relative = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                names.add(pkg + "." + relative.substring(0, relative.length() - ".class".length()));
            });
        }
    }

    private static void fromJar(JarFile jar, String path, boolean subpackages, TreeSet<String> names) {
        String prefix = path + "/";
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String entry = e.nextElement().getName();
            if (entry.startsWith(prefix) && entry.endsWith(".class")
                    && (subpackages || entry.indexOf('/', prefix.length()) < 0)) {
                names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        }
    }
}
