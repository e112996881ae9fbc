package dev.quarry;

import dev.quarry.load.LoadContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rarely used bookkeeping of one instance, created the first time any of it is set: a loaded
 * instance that is only read keeps its {@link LoadContext} in {@link Model}'s one state field
 * instead, so a row costs no object and no fields for annotations, prefetched rows, bindings,
 * assigned expressions or deferred fields it does not have. Confined to the instance's thread, as
 * the instance is.
 */
final class ModelState {
    Map<String, Object> annotations;
    Map<String, List<Object>> prefetched;
    LoadContext context;
    Quarry boundTo;
    String boundDb;
    boolean persisted;
    Map<String, dev.quarry.expr.Expression<?>> assigned;
    Set<String> deferred;

    /** The state of an instance that so far held only {@code state} (null, or the context of a loaded row). */
    static ModelState from(Object state) {
        ModelState s = new ModelState();
        if (state instanceof LoadContext c) {
            s.context = c;
            s.persisted = true;
        }
        return s;
    }
}
