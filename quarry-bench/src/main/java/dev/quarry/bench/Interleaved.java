package dev.quarry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The interleaved mode: the implementations called in rotation in one JVM, round after round, as in
 * an application JVM where every library's call sites are shared (JMH's per-fork runs keep each
 * implementation's call sites to itself). Each round runs every workload with every implementation
 * (the order rotating from round to round) for at least a time budget; a round's figure is the
 * mean time per call; the result is the median over the rounds after the warm-up rounds, and, per
 * implementation, the median of its per-round ratios to JDBC (paired within each round, so the host's
 * slow drift cancels out) with their quartiles and the 95% confidence interval of that median, judged
 * against the bound by {@link Verdict}. Before each peer's turn at a workload that writes, the
 * database's dead rows are cleared, so every peer writes into the same table. Prints a Markdown table and
 * writes an SVG bar chart of the ratios.
 *
 * <p>Arguments, all optional, as {@code key=value}: {@code dbs=sqlite,postgresql},
 * {@code workloads=w1,w2,w8} (w1-w9, w10u, w10s), {@code impls=jdbc,quarry,hibernate}, {@code rounds=9}, {@code warmup=2},
 * {@code budgetMs=300}, {@code svg=target/benchmarks-ratios.svg}, {@code jvms=1} (more runs the whole measurement in that
 * many fresh JVMs one after another, with this JVM's options, and pools their rounds), {@code clock=wall} ({@code clock=cpu} measures
 * the calling thread's CPU time instead: steadier on a loaded machine, and on SQLite, which runs in the
 * calling thread, it still includes the database's work; on PostgreSQL it leaves the server's out).
 */
public final class Interleaved {
    private static final Map<String, ToLongFunction<Workloads>> WORKLOADS = new LinkedHashMap<>();

    static {
        WORKLOADS.put("w1", Workloads::w1Hydrate);
        WORKLOADS.put("w2", Workloads::w2ReversePrefetch);
        WORKLOADS.put("w3", Workloads::w3Annotate);
        WORKLOADS.put("w4", Workloads::w4TwoHopAggregate);
        WORKLOADS.put("w5", Workloads::w5ReverseFilterDistinct);
        WORKLOADS.put("w6", Workloads::w6ManyToMany);
        WORKLOADS.put("w7", Workloads::w7BulkInsert);
        WORKLOADS.put("w8", Workloads::w8GetByPk);
        WORKLOADS.put("w9", Workloads::w9QueryBuilding);
        WORKLOADS.put("w10u", Workloads::w10UpdateF);
        WORKLOADS.put("w10s", Workloads::w10Subquery);
    }

    private Interleaved() {}

    /** One round of one workload on one database: the JVM it ran in (0, 1, ...) and each implementation's ms per call. */
    record Round(int jvm, double[] millis) {}

    /**
     * One workload on one database: the median milliseconds per call of each implementation, and per
     * implementation its per-round ratios to JDBC (each round's time divided by JDBC's in the same round, so
     * drift slower than a round cancels out) and, where there is a Hibernate peer, to Hibernate.
     */
    record Row(String workload, String db, Map<String, Double> millis, Map<String, double[]> ratios,
            Map<String, double[]> toHibernate, int[] jvmOfRound) {
        /** Each JVM's own median of this implementation's per-round ratios to JDBC, as {@code "1.02, 1.10, 0.98"}. */
        String perJvm(String impl) {
            double[] all = ratios.get(impl);
            StringBuilder out = new StringBuilder();
            int jvms = Arrays.stream(jvmOfRound).max().orElse(0) + 1;
            for (int j = 0; j < jvms; j++) {
                final int jvm = j;
                double[] mine = java.util.stream.IntStream.range(0, all.length).filter(r -> jvmOfRound[r] == jvm)
                        .mapToDouble(r -> all[r]).toArray();
                out.append(out.length() == 0 ? "" : ", ").append(String.format("%.2f", median(mine)));
            }
            return out.toString();
        }

        /** The median over the rounds of this implementation's time divided by JDBC's in the same round. */
        double ratio(String impl) {
            return median(ratios.get(impl));
        }

        /** The first and third quartiles of the per-round ratios, as {@code "0.93–1.04"}. */
        String spread(String impl) {
            double[] q = quartiles(ratios.get(impl));
            return String.format("%.2f–%.2f", q[0], q[2]);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<String> impls = List.of(opts.getOrDefault("impls", "jdbc,quarry,hibernate").split(","));
        int jvms = Integer.parseInt(opts.getOrDefault("jvms", "1"));
        boolean cpu = opts.getOrDefault("clock", "wall").equals("cpu");
        Map<String, List<Round>> rounds = jvms > 1 ? inChildJvms(args, jvms) : measure(opts, impls, cpu);
        if (opts.containsKey("dump")) {
            dump(rounds, Path.of(opts.get("dump")));
            return;
        }
        List<Row> rows = new ArrayList<>();
        rounds.forEach((key, perRound) -> rows.add(row(key, perRound, impls)));
        int n = rounds.values().iterator().next().size();
        System.out.print(table(rows, impls, n, jvms));
        System.out.println(cpu ? "(clock: CPU time of the calling thread)" : "(clock: wall time)");
        String svg = opts.getOrDefault("svg", "target/benchmarks-ratios.svg");
        Files.createDirectories(Path.of(svg).toAbsolutePath().getParent());
        // W9's JDBC peer returns a constant string (~100x faster than any builder): kept out of the chart's scale.
        Files.writeString(Path.of(svg), RatioChart.svg(rows.stream().filter(r -> !r.workload().equals("w9")).toList(), impls));
        System.out.println("chart: " + svg + " (checksum " + (blackhole & 1) + ")");
    }

    /**
     * The rounds of every workload on every database, keyed {@code db/workload}, each round the milliseconds per
     * call of each implementation in {@code impls}' order.
     */
    private static Map<String, List<Round>> measure(Map<String, String> opts, List<String> impls, boolean cpu)
            throws Exception {
        List<String> dbs = List.of(opts.getOrDefault("dbs", "sqlite,postgresql").split(","));
        List<String> workloads = List.of(opts.getOrDefault("workloads", "w1,w2,w8").split(","));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "9"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "2"));
        long budget = Long.parseLong(opts.getOrDefault("budgetMs", "300")) * 1_000_000L;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, List<Round>> out = new LinkedHashMap<>();
        for (String db : dbs) {
            BenchDb.ensureLoaded(db);
            List<Workloads> peers = new ArrayList<>();
            for (String impl : impls) {
                peers.add(GuideBenchmark.open(impl, db));
            }
            for (String w : workloads) {
                out.put(db + "/" + w, new ArrayList<>());
            }
            for (int r = 0; r < warmup + rounds; r++) {
                for (String w : workloads) {
                    ToLongFunction<Workloads> run = WORKLOADS.get(w);
                    double[] perCall = new double[impls.size()];
                    for (int k = 0; k < impls.size(); k++) {
                        int i = (k + r) % impls.size();
                        if (WRITES.contains(w)) {
                            // Each peer starts from the same table: without this, W7 on PostgreSQL inserts among the
                            // dead rows of every earlier call (autovacuum is off here), and the peer that runs later
                            // pays for the others' garbage.
                            BenchDb.clearDeadRows(db);
                        }
                        long calls = 0;
                        long start = System.nanoTime();
                        long startCpu = cpu ? threads.getCurrentThreadCpuTime() : 0;
                        long elapsed;
                        do {
                            blackhole ^= run.applyAsLong(peers.get(i));
                            calls++;
                            elapsed = System.nanoTime() - start;
                        } while (elapsed < budget);
                        if (cpu) {
                            elapsed = threads.getCurrentThreadCpuTime() - startCpu;
                        }
                        perCall[i] = elapsed / 1e6 / calls;
                    }
                    if (r >= warmup) {
                        out.get(db + "/" + w).add(new Round(0, perCall));
                    }
                }
                System.err.printf("%s round %d/%d done%n", db, r + 1, warmup + rounds);
            }
            peers.forEach(Workloads::close);
        }
        return out;
    }

    /** The workloads that write (and roll back), whose dead rows are cleared before each peer's turn. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("w7", "w10u");

    /**
     * The same measurement run {@code jvms} times, one fresh JVM after another with this JVM's options, and the
     * rounds of all pooled: a JVM's compiler makes its own inlining choices at megamorphic call sites, so one JVM's
     * median can sit apart from another's by more than its rounds' spread suggests.
     */
    private static Map<String, List<Round>> inChildJvms(String[] args, int jvms) throws Exception {
        Map<String, List<Round>> pooled = new LinkedHashMap<>();
        for (int j = 0; j < jvms; j++) {
            Path dump = Files.createTempFile("interleaved", ".tsv");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Interleaved.class.getName());
            for (String a : args) {
                if (!a.startsWith("jvms=") && !a.startsWith("dump=")) {
                    command.add(a);
                }
            }
            command.add("dump=" + dump);
            System.err.printf("JVM %d/%d%n", j + 1, jvms);
            int rc = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("JVM " + (j + 1) + " of " + jvms + " failed with exit code " + rc);
            }
            for (String line : Files.readAllLines(dump)) {
                String[] f = line.split("\t");
                double[] perCall = new double[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    perCall[i - 1] = Double.parseDouble(f[i]);
                }
                pooled.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Round(j, perCall));
            }
            Files.delete(dump);
        }
        return pooled;
    }

    /** Writes each round as a line: {@code db/workload}, then the milliseconds per call of each implementation. */
    private static void dump(Map<String, List<Round>> rounds, Path to) throws java.io.IOException {
        StringBuilder out = new StringBuilder();
        rounds.forEach((key, perRound) -> {
            for (Round r : perRound) {
                out.append(key);
                for (double ms : r.millis()) {
                    out.append('\t').append(ms);
                }
                out.append('\n');
            }
        });
        Files.writeString(to, out);
    }

    /** The row of one {@code db/workload} from its rounds. */
    private static Row row(String key, List<Round> perRound, List<String> impls) {
        String[] dw = key.split("/");
        int jdbc = impls.indexOf("jdbc");
        int hibernate = impls.indexOf("hibernate");
        Map<String, Double> millis = new LinkedHashMap<>();
        Map<String, double[]> ratios = new LinkedHashMap<>();
        Map<String, double[]> toHibernate = new LinkedHashMap<>();
        int n = perRound.size();
        for (int i = 0; i < impls.size(); i++) {
            double[] ms = new double[n];
            double[] toJdbc = new double[n];
            double[] toH = new double[n];
            for (int r = 0; r < n; r++) {
                double[] round = perRound.get(r).millis();
                ms[r] = round[i];
                toJdbc[r] = jdbc < 0 ? Double.NaN : round[i] / round[jdbc];
                toH[r] = hibernate < 0 ? Double.NaN : round[i] / round[hibernate];
            }
            millis.put(impls.get(i), median(ms));
            ratios.put(impls.get(i), toJdbc);
            toHibernate.put(impls.get(i), toH);
        }
        return new Row(dw[1], dw[0], millis, ratios, toHibernate, perRound.stream().mapToInt(Round::jvm).toArray());
    }

    /** Keeps the workloads' results alive. */
    private static long blackhole;

    /** The median of {@code values} (the mean of the two middle ones for an even count); the bench tools share it. */
    public static double median(double[] values) {
        return quartiles(values)[1];
    }

    /** The first quartile, median and third quartile of {@code values} (linear between neighbours). */
    static double[] quartiles(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new double[] {quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75)};
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int low = (int) Math.floor(at);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
    }

    /** Milliseconds with two decimals, or microseconds (marked) below 0.1 ms, so W9's figures stay readable. */
    static String time(double millis) {
        return millis >= 0.1 ? String.format("%.2f", millis) : String.format("%.2f µs", millis * 1000);
    }

    static String table(List<Row> rows, List<String> impls, int rounds, int jvms) {
        boolean verdicts = impls.contains("quarry") && impls.contains("jdbc");
        boolean hibernate = verdicts && impls.contains("hibernate");
        StringBuilder out = new StringBuilder("| workload | db |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String impl : impls) {
            out.append(' ').append(impl).append(" ms |");
            rule.append("---:|");
        }
        for (String impl : impls) {
            if (!impl.equals("jdbc")) {
                out.append(' ').append(impl).append("/jdbc |");
                rule.append("---:|");
            }
        }
        if (verdicts) {
            out.append(" quarry/jdbc 95% CI | bound |");
            rule.append("---:|---|");
        }
        if (hibernate) {
            out.append(" quarry/hibernate (95% CI) |");
            rule.append("---:|");
        }
        if (verdicts && jvms > 1) {
            out.append(" quarry/jdbc per JVM |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        for (Row row : rows) {
            out.append("| ").append(row.workload()).append(" | ").append(row.db()).append(" |");
            for (String impl : impls) {
                out.append(' ').append(time(row.millis().get(impl))).append(" |");
            }
            for (String impl : impls) {
                if (!impl.equals("jdbc")) {
                    out.append(String.format(" %.2f× (%s) |", row.ratio(impl), row.spread(impl)));
                }
            }
            if (verdicts) {
                double[] ci = Verdict.medianInterval(row.ratios().get("quarry"));
                double bound = Verdict.bound(row.workload());
                out.append(' ').append(Verdict.format(ci)).append(" | ")
                        .append(Double.isNaN(bound) ? "–" : String.format("≤ %.1f: %s", bound, Verdict.against(ci, bound)))
                        .append(" |");
            }
            if (hibernate) {
                double[] toH = row.toHibernate().get("quarry");
                double[] ci = Verdict.medianInterval(toH);
                out.append(String.format(" %.2f× (%s) %s |", median(toH), Verdict.format(ci), Verdict.versusPeer(ci)));
            }
            if (verdicts && jvms > 1) {
                out.append(' ').append(row.perJvm("quarry")).append(" |");
            }
            out.append('\n');
        }
        out.append("\n(median of ").append(rounds).append(" interleaved rounds")
                .append(jvms > 1 ? " pooled from " + jvms + " JVMs" : "")
                .append(", ms per call; each ratio is the median of the per-round ratios to JDBC, with their first and"
                        + " third quartiles; a bound holds when the median's 95% confidence interval lies at or below it,"
                        + " fails when the interval lies above it, and is undecided when the interval straddles it)\n");
        return out.toString();
    }
}
