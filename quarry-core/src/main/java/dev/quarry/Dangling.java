package dev.quarry;

import dev.quarry.model.FieldMeta;

/**
 * The {@link DoesNotExist} of a foreign key whose target row is missing: possible when the field is
 * declared {@code dbConstraint = false} (or the database does not enforce the constraint). Names both
 * models and the field, never the key's value.
 */
final class Dangling {
    private Dangling() {}

    /** The error for reading {@code field} of an instance whose target has no row; {@code cause} is the failed lookup, or {@code null} when a prefetch or join found no row. */
    static DoesNotExist of(FieldMeta field, DoesNotExist cause) {
        String target = field.relation().targetClass().getSimpleName();
        String why = field.relation().dbConstraint() ? "" : " (declared dbConstraint = false, so the database does not "
                + "check it)";
        DoesNotExist e = new DoesNotExist(field.relation().targetClass(), "get(pk=?)", String.format("%s.%s points at a %s "
                + "that does not exist: no %s row has the key in %s%s; Ref.id() gives the key, Ref.set(...) repairs it",
                field.model().name(), field.name(), target, target, field.column(), why));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
