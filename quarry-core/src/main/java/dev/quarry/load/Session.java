package dev.quarry.load;

import dev.quarry.db.Database;
import dev.quarry.model.Registry;

/**
 * What running queries needs from one database of a Quarry: the database, the Quarry's registry of
 * models, the Quarry itself as an opaque owner and the database's name, which loaded instances
 * remember (so their relations load from the same database). Immutable; one per database of a Quarry.
 *
 * @param database connections, transactions and statements
 * @param registry the models and their reverse relations
 * @param owner the Quarry (kept opaque: the internal packages do not import the facade)
 * @param name the database's name in its Quarry ({@code "default"}, {@code "replica"}, ...)
 */
public record Session(Database database, Registry registry, Object owner, String name) {
    private static volatile java.util.function.Function<Object, Session> resolver;
    private static volatile java.util.function.BiFunction<Object, String, Session> named;

    /** The session of a Quarry's {@code "default"} database (for Quarry's own tests and test harnesses, which need its database). */
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

    /**
     * The session of the named database of a Quarry, for tools on top of the facade (fixtures); a name that
     * is none of its databases is refused naming them.
     */
    public static Session of(Object quarry, String name) {
        of(quarry);
        return named.apply(quarry, name);
    }

    /** Called once by {@code Quarry}'s static initialiser. */
    public static void installResolver(java.util.function.Function<Object, Session> r) {
        resolver = r;
    }

    /** Called once by {@code Quarry}'s static initialiser: how {@link #of(Object, String)} finds a named database. */
    public static void installNamedResolver(java.util.function.BiFunction<Object, String, Session> r) {
        named = r;
    }
}
