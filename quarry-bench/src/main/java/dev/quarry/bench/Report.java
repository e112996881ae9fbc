package dev.quarry.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the results table from JMH's CSV ({@code -rf csv}, sample mode, {@code -prof gc}): the
 * median time per workload and implementation, Quarry/JDBC and Quarry/Hibernate, the statements
 * each implementation runs (counted by running the workload once), and allocation per operation.
 */
public final class Report {
    private Report() {}

    public static void main(String[] args) throws Exception {
        Map<String, Double> median = new TreeMap<>();
        Map<String, Double> alloc = new TreeMap<>();
        Map<String, String> unit = new TreeMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = csv(line);
            String bench = f.get(0);
            String name = bench.substring(bench.indexOf("GuideBenchmark.") + "GuideBenchmark.".length());
            String key = name.replaceAll(":.*", "") + "/" + f.get(f.size() - 2) + "/" + f.get(f.size() - 1);
            double score = Double.parseDouble(f.get(4));
            if (name.endsWith(":p0.50")) {
                median.put(key, score);
                unit.put(key, f.get(6));
            } else if (name.contains("gc.alloc.rate.norm")) {
                alloc.put(key, score);
            }
        }
        Map<String, Integer> queries = countQueries();
        StringBuilder out = new StringBuilder();
        out.append("| workload | db | JDBC | Quarry | Hibernate | Quarry/JDBC | Quarry/Hibernate | queries J/Q/H | alloc/op J/Q/H |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (String w : new String[] {"w1Hydrate", "w2ReversePrefetch", "w3Annotate", "w4TwoHopAggregate",
                "w5ReverseFilterDistinct", "w6ManyToMany", "w7BulkInsert", "w8GetByPk", "w9QueryBuilding", "w10UpdateF",
                "w10Subquery"}) {
            for (String db : new String[] {"sqlite", "postgresql"}) {
                Double j = median.get(w + "/" + db + "/jdbc");
                Double q = median.get(w + "/" + db + "/quarry");
                Double h = median.get(w + "/" + db + "/hibernate");
                if (j == null && q == null && h == null) {
                    continue;
                }
                String u = unit.getOrDefault(w + "/" + db + "/quarry", "ms/op").replace("/op", "");
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", w, db,
                        fmt(j, u), fmt(q, u), fmt(h, u), ratio(q, j), ratio(q, h),
                        queries.getOrDefault(w + "/" + db + "/jdbc", -1) + "/" + queries.getOrDefault(w + "/" + db + "/quarry", -1)
                                + "/" + queries.getOrDefault(w + "/" + db + "/hibernate", -1),
                        mb(alloc.get(w + "/" + db + "/jdbc")) + "/" + mb(alloc.get(w + "/" + db + "/quarry")) + "/"
                                + mb(alloc.get(w + "/" + db + "/hibernate"))));
            }
        }
        System.out.print(out);
    }

    private static Map<String, Integer> countQueries() throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String db : new String[] {"sqlite", "postgresql"}) {
            try (QuarryWorkloads q = new QuarryWorkloads(db); HibernateWorkloads h = new HibernateWorkloads(db)) {
                String[] ws = {"w1Hydrate", "w2ReversePrefetch", "w3Annotate", "w4TwoHopAggregate", "w5ReverseFilterDistinct",
                        "w6ManyToMany", "w7BulkInsert", "w8GetByPk", "w9QueryBuilding", "w10UpdateF", "w10Subquery"};
                int[] jdbc = {1, 3, 1, 1, 1, 1, 1, Workloads.GETS, 0, 1, 1};
                for (int i = 0; i < ws.length; i++) {
                    int index = i;
                    out.put(ws[i] + "/" + db + "/jdbc", jdbc[i]);
                    int[] n = {0};
                    dev.quarry.QueryListener l = e -> n[0]++;
                    dev.quarry.Quarry.current().addQueryListener(l);
                    run(q, index);
                    dev.quarry.Quarry.current().removeQueryListener(l);
                    out.put(ws[i] + "/" + db + "/quarry", n[0]);
                    int before = HibernateWorkloads.STATEMENTS.get();
                    run(h, index);
                    out.put(ws[i] + "/" + db + "/hibernate", HibernateWorkloads.STATEMENTS.get() - before);
                }
            }
        }
        return out;
    }

    private static void run(Workloads w, int i) {
        switch (i) {
            case 0 -> w.w1Hydrate();
            case 1 -> w.w2ReversePrefetch();
            case 2 -> w.w3Annotate();
            case 3 -> w.w4TwoHopAggregate();
            case 4 -> w.w5ReverseFilterDistinct();
            case 5 -> w.w6ManyToMany();
            case 6 -> w.w7BulkInsert();
            case 7 -> w.w8GetByPk();
            case 8 -> w.w9QueryBuilding();
            case 9 -> w.w10UpdateF();
            default -> w.w10Subquery();
        }
    }

    private static String fmt(Double v, String unit) {
        return v == null ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f %s" : "%.1f %s", v, unit);
    }

    private static String ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private static String mb(Double bytes) {
        return bytes == null ? "–" : bytes >= 1e6 ? String.format(Locale.ROOT, "%.1fMB", bytes / 1e6)
                : String.format(Locale.ROOT, "%.1fKB", bytes / 1e3);
    }

    /** The fields of one line of JMH's CSV (quoted fields may hold commas). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
