package dev.quarry.maven;

import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: it turns its parameters into the arguments of the {@code quarry} command and runs
 * {@code dev.quarry.cli.QuarryCli} in a class loader of the project's runtime class path (its compiled
 * models and migrations, its JDBC driver, its Quarry) followed by the plugin's own (the command), so the
 * command sees the application as it runs. Exit code 1 (a check failed) and 2 (usage) fail the build with
 * {@link MojoFailureException}; the others with {@link MojoExecutionException}.
 */
public abstract class QuarryMojo extends AbstractMojo {
    /** The project whose runtime class path holds the models and migrations. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The plugin's own artifacts (the command and its dependencies). */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    List<Artifact> pluginArtifacts;

    /** The properties file of the command's settings ({@code --settings}). */
    @Parameter(property = "quarry.settings", defaultValue = "${project.basedir}/quarry.properties")
    File settings;

    /** A class of the application implementing {@code dev.quarry.cli.SettingsProvider}, used instead of the properties file. */
    @Parameter(property = "quarry.configClass")
    String configClass;

    /** Settings that replace those of the properties file ({@code -D key=value}), e.g. {@code quarry.url}. */
    @Parameter
    Map<String, String> properties = Map.of();

    /** Skips the goal. */
    @Parameter(property = "quarry.skip", defaultValue = "false")
    boolean skip;

    /** For subclasses, which Maven instantiates. */
    protected QuarryMojo() {}

    /** The subcommand and its arguments ({@code migrate --fake M0001Initial}). */
    abstract List<String> command();

    /** The whole command line: where the settings are, then the subcommand. */
    List<String> arguments() {
        List<String> args = new ArrayList<>();
        if (configClass != null && !configClass.isBlank()) {
            args.add("--config-class=" + configClass);
        } else {
            args.add("--settings=" + settings.getAbsolutePath());
        }
        properties.forEach((k, v) -> args.add("-D" + k + "=" + v));
        args.addAll(command());
        return args;
    }

    /** The project's runtime class path (its output directory first), then the plugin's artifacts. */
    List<File> classPath() throws MojoExecutionException {
        Set<File> files = new LinkedHashSet<>();
        try {
            for (String element : project.getRuntimeClasspathElements()) {
                files.add(new File(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
        for (Artifact a : pluginArtifacts) {
            if (a.getFile() != null) {
                files.add(a.getFile());
            }
        }
        return List.copyOf(files);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("quarry: skipped (quarry.skip)");
            return;
        }
        List<String> args = arguments();
        getLog().debug("quarry " + String.join(" ", args));
        int exit = run(classPath(), args);
        if (exit == 1 || exit == 2) {
            throw new MojoFailureException(failure(exit));
        }
        if (exit != 0) {
            throw new MojoExecutionException("quarry " + String.join(" ", command()) + " failed (exit code " + exit
                    + "); see the messages above");
        }
    }

    /** The build failure's message when the command exits with 1 (a check failed) or 2 (usage). */
    String failure(int exit) {
        return "quarry " + String.join(" ", command()) + " failed (exit code " + exit + "); see the messages above";
    }

    private int run(List<File> classPath, List<String> args) throws MojoExecutionException {
        URL[] urls = new URL[classPath.size()];
        try {
            for (int i = 0; i < urls.length; i++) {
                urls[i] = classPath.get(i).toURI().toURL();
            }
        } catch (MalformedURLException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
             PrintStream out = new PrintStream(new LogStream(getLog(), false), true, Charset.defaultCharset());
             PrintStream err = new PrintStream(new LogStream(getLog(), true), true, Charset.defaultCharset())) {
            thread.setContextClassLoader(loader);
            Class<?> cli = loader.loadClass("dev.quarry.cli.QuarryCli");
            Method execute = cli.getMethod("execute", String[].class, PrintStream.class, PrintStream.class);
            return (Integer) execute.invoke(null, args.toArray(String[]::new), out, err);
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException("quarry failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new MojoExecutionException("Cannot run the quarry command on the project's class path: " + e, e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
