package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ReverseRelation;

/**
 * A read-only description of one relation as seen from one model: its kind, the name code uses
 * ({@code author}, {@code books}, {@code review_set}, {@code tags}), the name lookups use
 * ({@code author}, {@code books}, {@code review}, {@code tags}) and the model at the far end.
 *
 * @param kind which side of which relation this is
 * @param name the Java field name (forward sides) or the accessor name (reverse sides)
 * @param queryName the name lookup strings use
 * @param target the model at the far end
 * @param declaredBy the model that declares the relation ({@code Book} for Book.author and Author's books)
 */
public record RelationInfo(Kind kind, String name, String queryName, Class<? extends Model> target,
                           Class<? extends Model> declaredBy) {
    /** The side of a relation. */
    public enum Kind {
        /** A foreign key on this model: one object. */
        FOREIGN_KEY,
        /** The reverse side of a foreign key: many objects. */
        REVERSE_FOREIGN_KEY,
        /** A many-to-many field on this model. */
        MANY_TO_MANY,
        /** The reverse side of a many-to-many field. */
        REVERSE_MANY_TO_MANY
    }

    /** Whether the relation reaches many objects. */
    public boolean multiValued() {
        return kind != Kind.FOREIGN_KEY;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Model> model(Class<?> c) {
        return (Class<? extends Model>) c;
    }

    static RelationInfo forward(FieldMeta fk) {
        return new RelationInfo(Kind.FOREIGN_KEY, fk.name(), fk.queryName(), model(fk.relation().targetClass()),
                model(fk.model().type()));
    }

    static RelationInfo manyToMany(ManyToManyMeta m) {
        return new RelationInfo(Kind.MANY_TO_MANY, m.name(), m.queryName(), model(m.targetClass()), model(m.source().type()));
    }

    static RelationInfo reverse(ReverseRelation r) {
        return new RelationInfo(r.isManyToMany() ? Kind.REVERSE_MANY_TO_MANY : Kind.REVERSE_FOREIGN_KEY,
                r.accessorName(), r.queryName(), model(r.source().type()), model(r.source().type()));
    }
}
