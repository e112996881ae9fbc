package dev.quarry;

import java.util.Objects;
import java.util.Optional;

/**
 * Chooses among the named databases of one {@link Quarry} (Django's database routers): where a
 * model's reads and writes go, whether two instances may be related, and on which databases a
 * model's tables are created. A Quarry asks its routers in the order they were given to
 * {@code Quarry.builder().router(...)}; the first answer that is not empty wins. When none answers,
 * a read or write goes to the database of the instance it came from (a related manager's owner, a
 * Ref's holder, the instance saved), else to {@code "default"}; a relation is allowed between
 * instances of one database; and every table is created everywhere.
 *
 * <p>Every method has a default that gives no opinion, so a router implements only what it decides.
 * Routers are called on the threads that run queries: they must be thread-safe.
 */
public interface Router {
    /** The database to read {@code model}'s rows from, or empty to leave the choice to the next router. */
    default Optional<String> dbForRead(Class<? extends Model> model, Hints hints) {
        return Optional.empty();
    }

    /** The database to write {@code model}'s rows to, or empty to leave the choice to the next router. */
    default Optional<String> dbForWrite(Class<? extends Model> model, Hints hints) {
        return Optional.empty();
    }

    /** Whether {@code a} may point at {@code b} (a foreign key or a many-to-many row), or empty for no opinion. */
    default Optional<Boolean> allowRelation(Model a, Model b) {
        return Optional.empty();
    }

    /** Whether {@code model}'s tables belong on {@code database} ({@code createTables}), or empty for no opinion. */
    default Optional<Boolean> allowMigrate(String database, Class<? extends Model> model) {
        return Optional.empty();
    }

    /** What a router knows of the query it routes: the Quarry, the instance it was reached from, the open transactions. */
    final class Hints {
        private final Quarry quarry;
        private final Model instance;

        Hints(Quarry quarry, Model instance) {
            this.quarry = Objects.requireNonNull(quarry, "quarry");
            this.instance = instance;
        }

        /** The Quarry whose databases are chosen from. */
        public Quarry quarry() {
            return quarry;
        }

        /** The instance the query or write was reached from: the one saved or deleted, a related manager's owner, a Ref's holder. */
        public Optional<Model> instance() {
            return Optional.ofNullable(instance);
        }

        /** Whether this thread has a transaction open on {@code database} (Quarry's own, or a framework's that Quarry joined). */
        public boolean inTransaction(String database) {
            return quarry.session(database).database().inTransaction();
        }

        /**
         * Whether this thread's transaction on {@code database} is read-only (Quarry's
         * {@code atomic().readOnly()}, or a framework's such as Spring's {@code @Transactional(readOnly = true)});
         * false outside a transaction.
         */
        public boolean inReadOnlyTransaction(String database) {
            return quarry.session(database).database().inReadOnlyTransaction();
        }

        /** The instance, for debugging. */
        @Override
        public String toString() {
            return "Hints[" + (instance == null ? "no instance" : instance.getClass().getSimpleName()) + "]";
        }
    }
}
