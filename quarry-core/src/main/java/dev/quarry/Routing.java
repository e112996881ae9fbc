package dev.quarry;

import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The routers of one Quarry asked in order, with Django's fallbacks when none answers: the
 * instance's own database for reads and writes, relations within one database, every table
 * everywhere. A name a router returns must be one of the Quarry's databases. Immutable.
 */
final class Routing {
    static final String DEFAULT = "default";

    private final List<Router> routers;

    Routing(List<Router> routers) {
        this.routers = List.copyOf(routers);
    }

    boolean isEmpty() {
        return routers.isEmpty();
    }

    /** The database a read or write of {@code model} runs on in {@code q}, reached from {@code instance} (or {@code null}). */
    String route(Quarry q, boolean write, Class<? extends Model> model, Model instance) {
        if (!routers.isEmpty()) {
            Router.Hints hints = new Router.Hints(q, instance);
            for (Router r : routers) {
                Optional<String> chosen = write ? r.dbForWrite(model, hints) : r.dbForRead(model, hints);
                if (chosen != null && chosen.isPresent()) {
                    String name = chosen.get();
                    if (!q.hasDatabase(name)) {
                        throw new ImproperlyConfigured(String.format("Router %s sent %s of %s to database '%s', which "
                                + "is not one of this Quarry's: %s", r.getClass().getName(), write ? "a write" : "a read",
                                model.getSimpleName(), name, q.databases()));
                    }
                    return name;
                }
            }
        }
        if (instance != null) {
            String own = instance.databaseIn(q);
            if (own != null) {
                return own;
            }
        }
        return DEFAULT;
    }

    /** Whether {@code a} may point at {@code b}: the first router's answer, else both belong to one database of one Quarry. */
    boolean allowRelation(Model a, Model b) {
        for (Router r : routers) {
            Optional<Boolean> allowed = r.allowRelation(a, b);
            if (allowed != null && allowed.isPresent()) {
                return allowed.get();
            }
        }
        return a.boundQuarry() == b.boundQuarry() && java.util.Objects.equals(a.dbName(), b.dbName());
    }

    /** Whether {@code model}'s tables belong on {@code database}: the first router's answer, else yes. */
    boolean allowMigrate(String database, Class<? extends Model> model) {
        for (Router r : routers) {
            Optional<Boolean> allowed = r.allowMigrate(database, model);
            if (allowed != null && allowed.isPresent()) {
                return allowed.get();
            }
        }
        return true;
    }

    /** The models of {@code registry} whose tables belong on {@code database}, as {@link #allowMigrate} says. */
    List<ModelMeta> migratable(Registry registry, String database) {
        if (isEmpty()) {
            return registry.models();
        }
        List<ModelMeta> out = new ArrayList<>();
        for (ModelMeta m : registry.models()) {
            if (allowMigrate(database, m.type().asSubclass(Model.class))) {
                out.add(m);
            }
        }
        return out;
    }
}
