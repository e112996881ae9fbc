package dev.quarry.sql;

import dev.quarry.spi.Operations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A statement ready to run: SQL text with {@code ?} placeholders and its bind parameters, in order. */
public record CompiledSql(String sql, List<Object> params) {
    /** A statement; the parameters are copied into an unmodifiable list. */
    public CompiledSql {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    /** A statement and its parameters. */
    public static CompiledSql of(String sql, List<Object> params) {
        return new CompiledSql(sql, params);
    }

    /**
     * The statement with its values inlined as literals, for pasting into a database shell and for
     * in-process {@code QueryListener}s; never for logs or exception messages, which show the
     * placeholders (STYLE rule 12). Execution always binds.
     */
    public String inline(Operations ops) {
        StringBuilder out = new StringBuilder(sql.length() + params.size() * 8);
        int p = 0;
        boolean inString = false;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (inString) {
                out.append(c);
                if (c == quote) {
                    inString = false;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                inString = true;
                quote = c;
                out.append(c);
            } else if (c == '?' && p < params.size()) {
                out.append(ops.literal(params.get(p++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return sql + (params.isEmpty() ? "" : " " + params);
    }
}
