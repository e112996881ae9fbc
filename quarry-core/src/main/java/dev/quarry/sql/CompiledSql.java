package dev.quarry.sql;

import dev.quarry.internal.FrozenList;
import dev.quarry.spi.Operations;
import java.util.List;

/** A statement ready to run: SQL text with {@code ?} placeholders and its bind parameters, in order. */
public record CompiledSql(String sql, List<Object> params) {
    /** A statement; the parameters are copied into an unmodifiable list (unless they are one already: {@link FrozenList}). */
    public CompiledSql {
        params = FrozenList.of(params);
    }

    /** A statement and its parameters. */
    public static CompiledSql of(String sql, List<Object> params) {
        return new CompiledSql(sql, params);
    }

    /**
     * A statement whose parameters are this array, which the caller hands over: it must not change
     * it afterwards. Saves the copy {@link #of} makes, on the paths that bind a cached text anew
     * for every call.
     */
    public static CompiledSql ofOwned(String sql, Object[] params) {
        return new CompiledSql(sql, FrozenList.owning(params));
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
