package dev.quarry.annotation;

/** What deleting a referenced row does to the rows whose foreign key points at it (Django's {@code on_delete}). */
public enum OnDelete {
    /** Delete the referring rows too, recursively. */
    CASCADE,
    /** Refuse the delete with {@code ProtectedError} while referring rows exist. */
    PROTECT,
    /** Refuse the delete with {@code RestrictedError} unless the referring rows are deleted by the same cascade. */
    RESTRICT,
    /** Set the foreign key to NULL; the field must be {@code nullable}. */
    SET_NULL,
    /** Set the foreign key to its {@code defaultValue}. */
    SET_DEFAULT,
    /** Leave the referring rows alone; the database's own constraint decides. */
    DO_NOTHING
}
