package dev.quarry.sql;

import dev.quarry.spi.Operations;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A statement ready to run: SQL text with {@code ?} placeholders and its bind parameters, in order. */
public record CompiledSql(String sql, List<Object> params) {
    /** A statement; the parameters are copied into an unmodifiable list (unless they are one already, see {@link #frozen}). */
    public CompiledSql {
        params = frozen(params);
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
        return new CompiledSql(sql, new Frozen(params));
    }

    /**
     * {@code params} as an unmodifiable list that may contain nulls: the list itself when it is
     * already such a list made here (a {@code CompiledSql}'s parameters), else a copy. Lets
     * {@code dev.quarry.Sql} keep a statement's parameters without copying them again.
     */
    public static List<Object> frozen(List<Object> params) {
        return params instanceof Frozen ? params : new Frozen(params.toArray());
    }

    /** An unmodifiable list over an array nobody else changes; equal to any list of the same elements. */
    private static final class Frozen extends AbstractList<Object> implements RandomAccess {
        private final Object[] values;

        Frozen(Object[] values) {
            this.values = values;
        }

        @Override
        public Object get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
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
