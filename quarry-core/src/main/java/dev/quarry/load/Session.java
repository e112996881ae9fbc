package dev.quarry.load;

import dev.quarry.db.Database;
import dev.quarry.model.Registry;

/**
 * What running queries needs from one Quarry: its database, its registry of models, and the
 * Quarry itself as an opaque owner that loaded instances remember (so their relations load from
 * the same database). Immutable; one per Quarry.
 *
 * @param database connections, transactions and statements
 * @param registry the models and their reverse relations
 * @param owner the Quarry (kept opaque: the internal packages do not import the facade)
 */
public record Session(Database database, Registry registry, Object owner) {
    private static volatile java.util.function.Function<Object, Session> resolver;

    /** The session of a Quarry (for Quarry's own tests and test harnesses, which need its database). */
    public static Session of(Object quarry) {
        java.util.function.Function<Object, Session> r = resolver;
        if (r == null) {
            try {
                Class.forName("dev.quarry.Quarry", true, Session.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            r = resolver;
        }
        return r.apply(quarry);
    }

    /** Called once by {@code Quarry}'s static initialiser. */
    public static void installResolver(java.util.function.Function<Object, Session> r) {
        resolver = r;
    }
}
