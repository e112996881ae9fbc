package dev.quarry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The per-fork ratios of {@code pairs.sh}: it runs each implementation's JMH fork once per round, in
 * an order that rotates from round to round, and writes one CSV per round, database and
 * implementation ({@code round3.postgresql.quarry.csv}). This reads them all and prints, per
 * workload and database, Quarry ÷ JDBC and Quarry ÷ Hibernate of each round (forks minutes apart
 * at most, so the host's drift moves both sides of a ratio alike) and their median, beside the
 * median times. One fork's ratio can be 0.8× or 1.3× on this host; the median of paired rounds is
 * the figure to compare with a target, and its 95% interval is judged against issue 13's bound as the
 * interleaved table's is ({@link Verdict}: holds, fails or undecided; faster, slower or tie against Hibernate).
 */
public final class PairedForks {
    private PairedForks() {}

    /** Prints the table for the CSVs in the directory {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        // workload/db -> round -> impl -> median time
        Map<String, Map<Integer, Map<String, Double>>> times = new TreeMap<>();
        String unit = "ms";
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith("round") || !name.endsWith(".csv")) {
                    continue;
                }
                int round = Integer.parseInt(name.substring("round".length(), name.indexOf('.')));
                List<String> lines = Files.readAllLines(p);
                if (lines.isEmpty()) {
                    continue; // a fork still running, or one that failed (pairs.sh shows its error)
                }
                for (String line : lines.subList(1, lines.size())) {
                    List<String> f = Report.csv(line);
                    String bench = f.get(0);
                    if (!bench.endsWith(":p0.50")) {
                        continue;
                    }
                    String method = bench.substring(0, bench.length() - ":p0.50".length());
                    String workload = method.substring(method.lastIndexOf('.') + 1);
                    String db = f.get(f.size() - 2);
                    String impl = f.get(f.size() - 1);
                    unit = f.get(6).replace("/op", "");
                    times.computeIfAbsent(workload + "/" + db, k -> new TreeMap<>())
                            .computeIfAbsent(round, k -> new TreeMap<>()).put(impl, Double.parseDouble(f.get(4)));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("| workload | db | rounds | JDBC | Quarry | Hibernate | Quarry/JDBC, median (each round) | 95% interval "
                + "| bound | Quarry/Hibernate, median (each round) | vs Hibernate |\n"
                + "|---|---|---:|---:|---:|---:|---|---|---|---|---|\n");
        for (var e : times.entrySet()) {
            String[] wd = e.getKey().split("/");
            List<Double> j = new ArrayList<>();
            List<Double> q = new ArrayList<>();
            List<Double> h = new ArrayList<>();
            List<Double> qj = new ArrayList<>();
            List<Double> qh = new ArrayList<>();
            for (Map<String, Double> r : e.getValue().values()) {
                add(j, r.get("jdbc"));
                add(q, r.get("quarry"));
                add(h, r.get("hibernate"));
                if (r.get("quarry") != null && r.get("jdbc") != null) {
                    qj.add(r.get("quarry") / r.get("jdbc"));
                }
                if (r.get("quarry") != null && r.get("hibernate") != null) {
                    qh.add(r.get("quarry") / r.get("hibernate"));
                }
            }
            double[] qji = interval(qj);
            double[] qhi = interval(qh);
            String workload = wd[0].replaceAll("^(w\\d+).*", "$1");
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s |%n", wd[0],
                    wd[1], e.getValue().size(), time(j, unit), time(q, unit), time(h, unit), ratios(qj),
                    qji == null ? "–" : Verdict.format(qji), qji == null ? "–" : Verdict.against(qji, Verdict.bound(workload)),
                    ratios(qh), qhi == null ? "–" : Verdict.versusPeer(qhi)));
        }
        System.out.print(out);
    }

    /**
     * The 95% interval of the median of the rounds' ratios ({@link Verdict#medianInterval}: with fewer than 6
     * rounds, their whole range), or {@code null} for none.
     */
    private static double[] interval(List<Double> xs) {
        return xs.isEmpty() ? null : Verdict.medianInterval(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static void add(List<Double> to, Double v) {
        if (v != null) {
            to.add(v);
        }
    }

    /** The median of {@code xs}, as {@link Interleaved#median} takes it. */
    private static double median(List<Double> xs) {
        return Interleaved.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String time(List<Double> xs, String unit) {
        return xs.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f %s", median(xs), unit);
    }

    private static String ratios(List<Double> xs) {
        if (xs.isEmpty()) {
            return "–";
        }
        StringBuilder each = new StringBuilder();
        for (double x : xs) {
            each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return String.format(Locale.ROOT, "**%.2f×** (%s)", median(xs), each);
    }
}
