package dev.quarry;

import dev.quarry.load.CompiledShapes;
import dev.quarry.load.Session;
import dev.quarry.model.Registry;
import dev.quarry.query.QueryTree;
import dev.quarry.query.SimpleFilter;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A QuerySet that is one simple filter on all rows of a model ({@code Book.objects.get("pk", id)},
 * {@code filter("isbn", x).first()}): the value prepared for its column when the QuerySet is built
 * (so a bad value still fails there), and, when it runs, the compiled-query cache
 * ({@link CompiledShapes}) instead of a new tree and a new compilation. Invisible to users: the
 * results, errors and statements are those of the general path. Immutable.
 */
record Shortcut(Registry registry, String lookup, Object prepared) {
    /** What the SQL of such a query depends on besides the database: the model, the lookup, the value's type and the terminal call. */
    private record Shape(Class<?> model, String lookup, Class<?> valueType, String terminal) {}

    /**
     * The shortcut of {@code filter(lookup, value)} on a QuerySet of all rows of {@code type}
     * ({@code plan} with no step) on {@code q}, or {@code null} where the general path must run.
     */
    static Shortcut of(Quarry q, Class<? extends Model> type, String lookup, Object value) {
        if (q == null || q.isClosed()) {
            return null; // a closed Quarry's query fails on the general path, and leaves nothing in the cache
        }
        Registry registry = q.registry();
        SimpleFilter f;
        try {
            f = CompiledShapes.filter(registry, registry.meta(type), lookup);
        } catch (RuntimeException unknownModel) {
            return null; // the general path reports it
        }
        Object prepared = f == null ? null : f.prepare(value);
        return prepared == null ? null : new Shortcut(registry, lookup, prepared);
    }

    /**
     * The rows of the query with {@code last} applied to its tree ({@code terminal} names that step),
     * through the cache; {@code null} when {@code q}'s models are not those the value was prepared for.
     */
    @SuppressWarnings("unchecked")
    <T extends Model> List<T> run(Quarry q, Plan plan, FetchMode mode, String terminal, UnaryOperator<QueryTree> last) {
        if (q.registry() != registry) {
            return null;
        }
        Session session = plan.session(q, false);
        Shape shape = new Shape(plan.type(), lookup, prepared.getClass(), terminal);
        List<Object> found = CompiledShapes.models(session, shape, List.of(prepared), () -> last.apply(plan.tree(q)), mode);
        return Collections.unmodifiableList((List<T>) (List<?>) found);
    }
}
