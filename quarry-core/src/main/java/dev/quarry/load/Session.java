package dev.quarry.load;

import dev.quarry.db.Database;
import dev.quarry.model.ModelMeta;
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
    private static volatile java.util.function.BiFunction<Object, String, java.util.List<ModelMeta>> migratable;

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

    /** The session of a Quarry's database of this name; an error lists the Quarry's databases when there is none. */
    public static Session of(Object quarry, String database) {
        of(quarry);
        return named.apply(quarry, database);
    }

    /** The models whose tables belong on a Quarry's named database, as its routers' {@code allowMigrate} says. */
    public static java.util.List<ModelMeta> migratable(Object quarry, String database) {
        of(quarry);
        return migratable.apply(quarry, database);
    }

    /** Called once by {@code Quarry}'s static initialiser: its default session, a named one, and the migratable models. */
    public static void installResolver(java.util.function.Function<Object, Session> r,
                                       java.util.function.BiFunction<Object, String, Session> byName,
                                       java.util.function.BiFunction<Object, String, java.util.List<ModelMeta>> models) {
        named = byName;
        migratable = models;
        resolver = r;
    }
}
