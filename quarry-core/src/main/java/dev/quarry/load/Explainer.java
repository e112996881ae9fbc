package dev.quarry.load;

import dev.quarry.QueryError;
import dev.quarry.db.Database;
import dev.quarry.query.QueryTree;
import dev.quarry.spi.Operations;
import dev.quarry.sql.CompiledSql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A query's plan as the database describes it (Django's {@code QuerySet.explain()}): the SELECT the
 * query would run, behind the backend's EXPLAIN prefix, run once; each row of the answer becomes one
 * line, a row of several columns its values joined by spaces as Django prints them ({@code None} for
 * NULL). Formats and options are checked against the backend's before any SQL.
 */
public final class Explainer {
    private Explainer() {}

    /** The plan text of {@code tree} on {@code db}; {@code format} may be {@code null} (the database's default). */
    public static String explain(Database db, QueryTree tree, String format, Map<String, Boolean> options) {
        tree.checkRunnable();
        Operations ops = db.backend().operations();
        String vendor = db.backend().vendor();
        String f = format == null ? null : format.toUpperCase(Locale.ROOT);
        if (f != null && !ops.explainFormats().contains(f)) {
            throw new QueryError(String.format("explain(): %s is not a recognized format on %s. %s", f, vendor,
                    ops.explainFormats().isEmpty() ? "It has no formats: call explain() without one"
                            : "Allowed formats: " + String.join(", ", new TreeSet<>(ops.explainFormats()))));
        }
        Map<String, Boolean> normalized = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        options.forEach((name, on) -> {
            String n = name.toUpperCase(Locale.ROOT);
            if (ops.explainOptions().contains(n)) {
                normalized.put(n, on != null && on);
            } else {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            Set<String> allowed = new TreeSet<>(ops.explainOptions());
            throw new QueryError(String.format("explain(): unknown options %s on %s. %s", new TreeSet<>(unknown), vendor,
                    allowed.isEmpty() ? "It takes none" : "Allowed options: " + String.join(", ", allowed)));
        }
        CompiledSql select = Loader.selectSql(db.backend(), tree);
        CompiledSql sql = CompiledSql.of(ops.explainPrefix(f, normalized) + " " + select.sql(), select.params());
        return db.query(sql, Explainer::lines);
    }

    private static String lines(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            if (n == 1) {
                String v = rs.getString(1);
                out.add(v == null ? "None" : v);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                String v = rs.getString(i);
                line.append(i > 1 ? " " : "").append(v == null ? "None" : v);
            }
            out.add(line.toString());
        }
        return String.join("\n", out);
    }
}
