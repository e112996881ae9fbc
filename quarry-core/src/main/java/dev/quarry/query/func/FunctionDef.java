package dev.quarry.query.func;

import dev.quarry.query.RenderContext;
import dev.quarry.query.expr.Expr;
import dev.quarry.spi.FieldType;
import dev.quarry.spi.FunctionWriter;
import dev.quarry.spi.SqlWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One built-in function: its name (as {@code Functions} and the backends know it), how many
 * arguments it takes, the kind of its result, and its standard SQL. A backend that writes it
 * differently returns a {@link FunctionWriter} for the name from {@code Operations.function}.
 */
public abstract class FunctionDef {
    private final String name;
    private final String sql;
    private final int minArgs;
    private final int maxArgs;

    /** A function named {@code name}, written {@code sql(args...)} by default, taking {@code minArgs} to {@code maxArgs} arguments. */
    protected FunctionDef(String name, String sql, int minArgs, int maxArgs) {
        this.name = name;
        this.sql = sql;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The registered name ({@code "Lower"}). */
    public final String name() {
        return name;
    }

    /** Whether it is a window function, allowed only inside {@code Window.of(...)}. */
    public boolean isWindowFunction() {
        return false;
    }

    /**
     * Whether, as a window function, it reads the window's frame ({@code FIRST_VALUE}); the numberings and
     * offsets ({@code RANK}, {@code LAG}) see the whole partition whatever the frame says.
     */
    public boolean readsFrame() {
        return false;
    }

    /**
     * Checks the number and kinds of the arguments and gives the kind of the result;
     * {@code requested} is the kind the caller asked for ({@code cast}), or {@code null}.
     * A mismatch throws {@link Mismatch} with the reason.
     */
    public final FieldType resolve(List<Expr> args, FieldType requested) {
        if (args.size() < minArgs || args.size() > maxArgs) {
            String n = minArgs == maxArgs ? String.valueOf(minArgs) : maxArgs == Integer.MAX_VALUE ? minArgs + " or more"
                    : minArgs + " to " + maxArgs;
            throw new Mismatch(name + " takes " + n + " argument(s), got " + args.size());
        }
        List<FieldType> kinds = new ArrayList<>(args.size());
        for (Expr a : args) {
            kinds.add(dev.quarry.query.expr.Param.kindOf(a));
        }
        return outputType(kinds, requested);
    }

    /** The kind of the result for arguments of these kinds; throws {@link Mismatch} when they do not fit. */
    protected abstract FieldType outputType(List<FieldType> kinds, FieldType requested);

    /** Whether the result may be NULL for these arguments. */
    public boolean nullable(List<Expr> args) {
        return true;
    }

    /** Writes the call: the backend's way when it has one, else {@link #standard}. */
    public void render(RenderContext ctx, List<Expr> args, FieldType result) {
        List<Runnable> parts = new ArrayList<>(args.size());
        List<FieldType> kinds = new ArrayList<>(args.size());
        for (Expr a : args) {
            parts.add(() -> a.render(ctx));
            kinds.add(a.outputType());
        }
        FunctionWriter own = ctx.ops().function(name);
        if (own != null) {
            own.write(ctx.w(), parts, kinds, result);
        } else {
            standard(ctx.w(), parts, kinds, result, ctx);
        }
    }

    /** The standard SQL: {@code SQL(arg, ...)}. */
    protected void standard(SqlWriter w, List<Runnable> args, List<FieldType> kinds, FieldType result, RenderContext ctx) {
        w.sql(sql).sql("(");
        for (int i = 0; i < args.size(); i++) {
            w.sql(i > 0 ? ", " : "");
            args.get(i).run();
        }
        w.sql(")");
    }

    /** Arguments that do not fit the function; the resolver turns it into a FieldError naming the query. */
    public static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A mismatch with this reason. */
        public Mismatch(String reason) {
            super(reason, null, false, false);
        }
    }
}
