package dev.quarry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bulkCreate(instances, onConflict)} does with a row whose unique key already exists
 * (Django's {@code ignore_conflicts} and {@code update_conflicts}); without one, such a row fails the
 * whole insert with an {@link IntegrityError}. Only unique-key conflicts are handled, on every
 * database: a foreign-key, NOT NULL or range error still fails the insert (on MariaDB Quarry writes
 * {@code ON DUPLICATE KEY UPDATE} rather than Django's {@code INSERT IGNORE}, which would turn those
 * into warnings). An immutable value.
 */
public final class OnConflict {
    private final List<String> uniqueFields;
    private final List<String> updateFields;

    private OnConflict(List<String> uniqueFields, List<String> updateFields) {
        this.uniqueFields = List.copyOf(uniqueFields);
        this.updateFields = List.copyOf(updateFields);
    }

    /**
     * Skips rows whose unique key (any of the table's) exists, keeping the existing row as it is
     * ({@code ON CONFLICT DO NOTHING}); as in Django, the new instances' generated keys are not set,
     * since the database does not say which rows it inserted.
     */
    public static OnConflict ignore() {
        return new OnConflict(List.of(), List.of());
    }

    /**
     * Updates these fields of the existing row from the new one when {@code uniqueFields} (the fields
     * of one unique constraint, such as {@code List.of("name")}) match an existing row
     * ({@code ON CONFLICT (name) DO UPDATE SET qty = EXCLUDED.qty}; MariaDB's
     * {@code ON DUPLICATE KEY UPDATE} reacts to any unique key). Generated keys are set where the
     * database returns them (PostgreSQL, SQLite, MariaDB), for inserted and updated rows alike.
     */
    public static OnConflict update(List<String> uniqueFields, String field, String... more) {
        Objects.requireNonNull(field, "field");
        List<String> fields = new ArrayList<>(1 + more.length);
        fields.add(field);
        fields.addAll(List.of(more));
        if (uniqueFields.isEmpty()) {
            throw new QueryError("OnConflict.update() needs the unique fields whose conflict triggers the update "
                    + "(uniqueFields is empty)");
        }
        return new OnConflict(uniqueFields, fields);
    }

    /** Whether conflicting rows are updated rather than skipped. */
    boolean updates() {
        return !updateFields.isEmpty();
    }

    List<String> uniqueFields() {
        return uniqueFields;
    }

    List<String> updateFields() {
        return updateFields;
    }

    /** Equal when the same action on the same fields. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OnConflict c && c.uniqueFields.equals(uniqueFields) && c.updateFields.equals(updateFields);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(uniqueFields, updateFields);
    }

    /** {@code OnConflict.ignore()} or {@code OnConflict.update([name], [qty])}. */
    @Override
    public String toString() {
        return updates() ? "OnConflict.update(" + uniqueFields + ", " + updateFields + ")" : "OnConflict.ignore()";
    }
}
