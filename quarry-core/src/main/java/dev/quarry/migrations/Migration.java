package dev.quarry.migrations;

import java.util.List;

/**
 * One migration (a Java class, as Django's {@code migrations/0002_book_isbn.py}): the operations it
 * applies, in order, and the migrations that must be applied before it. Its name is its class's simple
 * name; subclasses need a no-argument constructor. {@code makemigrations} will write these; they are
 * also written by hand.
 *
 * <pre>{@code
 * public final class M0002BookIsbn extends Migration {
 *     public List<Class<? extends Migration>> dependencies() { return List.of(M0001Initial.class); }
 *     public List<Operation> operations() {
 *         return List.of(Operation.addField("Book", FieldState.charField("isbn", 13).withDefault("")));
 *     }
 * }
 * }</pre>
 */
public abstract class Migration {
    /** For subclasses. */
    protected Migration() {}

    /** The operations, applied in this order and unapplied in the reverse order. */
    public abstract List<Operation> operations();

    /** The migrations (of this or another app) that must be applied first; none by default. */
    public List<Class<? extends Migration>> dependencies() {
        return List.of();
    }

    /**
     * The migrations of the same app this one replaces, by name (a squashed migration's, Django's
     * {@code replaces}); none by default. While all or none of them are applied, this migration stands for
     * them (and counts as applied when they all are); while only some are, they are used and this one is not.
     * The replaced classes may be deleted once every database has applied this one.
     */
    public List<String> replaces() {
        return List.of();
    }

    /** The name recorded in {@code quarry_migrations}: the class's simple name. */
    public String name() {
        return getClass().getSimpleName();
    }
}
