package dev.quarry.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A/B of two builds in one JVM: loads the quarry-bench module of two checkouts (each with its own
 * jars, from its {@code target/classpath.txt}) in two class loaders, and calls one benchmark method
 * of each in alternation, round after round, timing each round by the calling thread's CPU time.
 * The host's drift then lands on both builds alike, which two JMH runs one after the other cannot
 * promise on this machine.
 *
 * <pre>
 * java -cp target/classes dev.quarry.bench.TwoBuilds /path/to/before/quarry-bench /path/to/after/quarry-bench \
 *     dev.quarry.bench.UncachedBuildBenchmark w9Uncached [calls per round, 100000] [rounds, 12]
 * </pre>
 *
 * <p>The class needs a public no-argument constructor, or one taking a string given as
 * {@code -Dtwobuilds.arg=...} (the database of {@link QuarryWorkloads}: {@code -Dtwobuilds.arg=postgresql
 * ... dev.quarry.bench.QuarryWorkloads w1Hydrate 50 12} measures the Java side of a workload, since
 * time spent waiting for the database is not CPU time); its public {@code setUp()} is called once if
 * it has one (as {@link CompileOnlyQuarry}'s subclasses do). Prints each build's median CPU time per
 * call and the median of the per-round ratios after/before. Run it twice with the builds swapped: the
 * build loaded second measured up to 3% slower in a null test (the same build twice).
 *
 * <p>{@code -Dtwobuilds.warm=w2ReversePrefetch,w3Annotate} first calls those methods of each build
 * {@code -Dtwobuilds.warmCalls} times (30), so that call sites shared by all models have seen the others, as
 * in an application's JVM, before the measured method runs.
 */
public final class TwoBuilds {
    private TwoBuilds() {}

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: TwoBuilds <before quarry-bench dir> <after quarry-bench dir> <class> <method> [calls] [rounds]");
            System.exit(2);
        }
        int calls = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 12;
        Object[] target = new Object[2];
        Method[] method = new Method[2];
        for (int i = 0; i < 2; i++) {
            ClassLoader loader = loader(Path.of(args[i]));
            Thread.currentThread().setContextClassLoader(loader);
            // JDBC drivers register themselves when loaded; DriverManager's own scan sees one loader only.
            java.util.ServiceLoader.load(java.sql.Driver.class, loader).forEach(d -> { });
            Class<?> c = Class.forName(args[2], true, loader);
            String arg = System.getProperty("twobuilds.arg");
            target[i] = arg == null ? c.getDeclaredConstructor().newInstance()
                    : c.getDeclaredConstructor(String.class).newInstance(arg);
            for (Method m : c.getMethods()) {
                if (m.getName().equals("setUp") && m.getParameterCount() == 0) {
                    m.invoke(target[i]);
                }
            }
            method[i] = c.getMethod(args[3]);
        }
        String warm = System.getProperty("twobuilds.warm", "");
        int warmCalls = Integer.getInteger("twobuilds.warmCalls", 30);
        for (String name : warm.isEmpty() ? new String[0] : warm.split(",")) {
            for (int i = 0; i < 2; i++) {
                Method m = target[i].getClass().getMethod(name.trim());
                for (int j = 0; j < warmCalls; j++) {
                    m.invoke(target[i]);
                }
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] perCall = new double[2][rounds];
        long sink = 0;
        for (int r = -2; r < rounds; r++) { // two rounds of warm-up
            for (int k = 0; k < 2; k++) {
                int i = (r & 1) == 0 ? k : 1 - k; // alternate which build goes first
                long start = mx.getCurrentThreadCpuTime();
                for (int j = 0; j < calls; j++) {
                    sink += method[i].invoke(target[i]).hashCode();
                }
                if (r >= 0) {
                    perCall[i][r] = (double) (mx.getCurrentThreadCpuTime() - start) / calls;
                }
            }
        }
        String[] names = {"before", "after"};
        for (int i = 0; i < 2; i++) {
            double[] s = perCall[i].clone();
            Arrays.sort(s);
            System.out.printf("%-6s median %.1f ns CPU per call (min %.1f, max %.1f)%n", names[i], s[rounds / 2], s[0],
                    s[rounds - 1]);
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = perCall[1][r] / perCall[0][r];
        }
        Arrays.sort(ratio);
        System.out.printf("after/before median %.3f (min %.3f, max %.3f)%s%n", ratio[rounds / 2], ratio[0],
                ratio[rounds - 1], sink == 42 ? " " : "");
        System.exit(0);
    }

    private static ClassLoader loader(Path bench) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(bench.resolve("target/classes").toUri().toURL());
        for (String p : Files.readString(bench.resolve("target/classpath.txt")).trim().split(java.io.File.pathSeparator)) {
            urls.add(Path.of(p).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
