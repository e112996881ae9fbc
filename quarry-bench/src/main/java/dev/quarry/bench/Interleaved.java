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
 * slow drift cancels out) with their quartiles. Prints a Markdown table and writes an SVG bar chart of
 * the ratios.
 *
 * <p>Arguments, all optional, as {@code key=value}: {@code dbs=sqlite,postgresql},
 * {@code workloads=w1,w2,w8} (w1-w9, w10u, w10s), {@code impls=jdbc,quarry,hibernate}, {@code rounds=9}, {@code warmup=2},
 * {@code budgetMs=300}, {@code svg=target/benchmarks-ratios.svg}, {@code clock=wall} ({@code clock=cpu} measures
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

    /**
     * One workload on one database: the median milliseconds per call of each implementation, and per
     * implementation the quartiles of its per-round ratio to JDBC (each round's time divided by JDBC's in
     * the same round, so drift slower than a round cancels out).
     */
    record Row(String workload, String db, Map<String, Double> millis, Map<String, double[]> ratios) {
        /** The median over the rounds of this implementation's time divided by JDBC's in the same round. */
        double ratio(String impl) {
            return ratios.get(impl)[1];
        }

        /** The first and third quartiles of the per-round ratios, as {@code "0.93–1.04"}. */
        String spread(String impl) {
            double[] q = ratios.get(impl);
            return String.format("%.2f–%.2f", q[0], q[2]);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(a.substring(0, eq), a.substring(eq + 1));
        }
        List<String> dbs = List.of(opts.getOrDefault("dbs", "sqlite,postgresql").split(","));
        List<String> workloads = List.of(opts.getOrDefault("workloads", "w1,w2,w8").split(","));
        List<String> impls = List.of(opts.getOrDefault("impls", "jdbc,quarry,hibernate").split(","));
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "9"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "2"));
        long budget = Long.parseLong(opts.getOrDefault("budgetMs", "300")) * 1_000_000L;
        boolean cpu = opts.getOrDefault("clock", "wall").equals("cpu");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Row> rows = new ArrayList<>();
        for (String db : dbs) {
            BenchDb.ensureLoaded(db);
            List<Workloads> peers = new ArrayList<>();
            for (String impl : impls) {
                peers.add(GuideBenchmark.open(impl, db));
            }
            double[][][] perCall = new double[workloads.size()][impls.size()][rounds];
            for (int r = 0; r < warmup + rounds; r++) {
                for (int w = 0; w < workloads.size(); w++) {
                    ToLongFunction<Workloads> run = WORKLOADS.get(workloads.get(w));
                    for (int k = 0; k < impls.size(); k++) {
                        int i = (k + r) % impls.size();
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
                        if (r >= warmup) {
                            perCall[w][i][r - warmup] = elapsed / 1e6 / calls;
                        }
                    }
                }
                System.err.printf("%s round %d/%d done%n", db, r + 1, warmup + rounds);
            }
            int jdbc = impls.indexOf("jdbc");
            for (int w = 0; w < workloads.size(); w++) {
                Map<String, Double> millis = new LinkedHashMap<>();
                Map<String, double[]> ratios = new LinkedHashMap<>();
                for (int i = 0; i < impls.size(); i++) {
                    millis.put(impls.get(i), median(perCall[w][i]));
                    double[] perRound = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        perRound[r] = jdbc < 0 ? Double.NaN : perCall[w][i][r] / perCall[w][jdbc][r];
                    }
                    ratios.put(impls.get(i), quartiles(perRound));
                }
                rows.add(new Row(workloads.get(w), db, millis, ratios));
            }
            peers.forEach(Workloads::close);
        }
        System.out.print(table(rows, impls, rounds));
        System.out.println(cpu ? "(clock: CPU time of the calling thread)" : "(clock: wall time)");
        String svg = opts.getOrDefault("svg", "target/benchmarks-ratios.svg");
        Files.createDirectories(Path.of(svg).toAbsolutePath().getParent());
        // W9's JDBC peer returns a constant string (~100x faster than any builder): kept out of the chart's scale.
        Files.writeString(Path.of(svg), RatioChart.svg(rows.stream().filter(r -> !r.workload().equals("w9")).toList(), impls));
        System.out.println("chart: " + svg + " (checksum " + (blackhole & 1) + ")");
    }

    /** Keeps the workloads' results alive. */
    private static long blackhole;

    static double median(double[] values) {
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

    static String table(List<Row> rows, List<String> impls, int rounds) {
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
            out.append('\n');
        }
        out.append("\n(median of ").append(rounds).append(" interleaved rounds, ms per call; each ratio is the median of the"
                + " per-round ratios to JDBC, with their first and third quartiles)\n");
        return out.toString();
    }
}
