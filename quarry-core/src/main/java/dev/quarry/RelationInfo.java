package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ReverseRelation;

/**
 * A read-only description of one relation as seen from one model: its kind, the name code uses
 * ({@code author}, {@code books}, {@code review_set}, {@code tags}), the name lookups use
 * ({@code author}, {@code books}, {@code review}, {@code tags}), the model at the far end, and the
 * details Django keeps on the field: the {@code through} model of a many-to-many relation, whether a
 * relation of a model to itself is symmetrical, whether a foreign key has its database constraint, and
 * the filter of the targets it may point at.
 *
 * @param kind which side of which relation this is
 * @param name the Java field name (forward sides) or the accessor name (reverse sides)
 * @param queryName the name lookups use
 * @param target the model at the far end
 * @param declaredBy the model that declares the relation ({@code Book} for Book.author and Author's books)
 * @param through the declared intermediate model of a many-to-many relation (both sides), or {@code null}
 *     for the automatic table and for foreign keys
 * @param symmetrical whether this is a many-to-many relation of a model to itself where adding b to a's
 *     relation adds a to b's (Django's default for such relations)
 * @param dbConstraint whether the schema declares the foreign key's FOREIGN KEY constraint (both sides of a
 *     foreign key or one-to-one; {@code true} for many-to-many relations, whose link rows always have it)
 * @param limitChoicesTo the filter of the targets a foreign key may point at ({@code fullClean()} checks it),
 *     asked of its method when this description is made, or {@code null}
 */
public record RelationInfo(Kind kind, String name, String queryName, Class<? extends Model> target,
                           Class<? extends Model> declaredBy, Class<? extends Model> through, boolean symmetrical,
                           boolean dbConstraint, Q limitChoicesTo) {
    /** A relation without a through model, not symmetrical, with its constraint and no limit on its choices. */
    public RelationInfo(Kind kind, String name, String queryName, Class<? extends Model> target,
                        Class<? extends Model> declaredBy) {
        this(kind, name, queryName, target, declaredBy, null, false, true, null);
    }

    /** The side of a relation. */
    public enum Kind {
        /** A foreign key on this model: one object. */
        FOREIGN_KEY,
        /** The reverse side of a foreign key: many objects. */
        REVERSE_FOREIGN_KEY,
        /** A many-to-many field on this model. */
        MANY_TO_MANY,
        /** The reverse side of a many-to-many field. */
        REVERSE_MANY_TO_MANY,
        /** A one-to-one field on this model: one object, unique among the rows of this model. */
        ONE_TO_ONE,
        /** The reverse side of a one-to-one field: one object or none, read with {@code Model.relatedOne}. */
        REVERSE_ONE_TO_ONE
    }

    /** Whether the relation reaches many objects. */
    public boolean multiValued() {
        return kind != Kind.FOREIGN_KEY && kind != Kind.ONE_TO_ONE && kind != Kind.REVERSE_ONE_TO_ONE;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Model> model(Class<?> c) {
        return (Class<? extends Model>) c;
    }

    static RelationInfo forward(FieldMeta fk) {
        return new RelationInfo(fk.isOneToOne() ? Kind.ONE_TO_ONE : Kind.FOREIGN_KEY, fk.name(), fk.queryName(),
                model(fk.relation().targetClass()), model(fk.model().type()), null, false, fk.relation().dbConstraint(),
                ForeignKeyChoices.limit(fk));
    }

    static RelationInfo manyToMany(ManyToManyMeta m) {
        return new RelationInfo(Kind.MANY_TO_MANY, m.name(), m.queryName(), model(m.targetClass()), model(m.source().type()),
                through(m), m.symmetrical(), true, null);
    }

    static RelationInfo reverse(ReverseRelation r) {
        Kind kind = r.isManyToMany() ? Kind.REVERSE_MANY_TO_MANY
                : r.isOneToOne() ? Kind.REVERSE_ONE_TO_ONE : Kind.REVERSE_FOREIGN_KEY;
        return new RelationInfo(kind, r.accessorName(), r.queryName(), model(r.source().type()), model(r.source().type()),
                r.isManyToMany() ? through(r.manyToMany()) : null, r.isManyToMany() && r.manyToMany().symmetrical(),
                r.isManyToMany() || r.foreignKey().relation().dbConstraint(), null);
    }

    private static Class<? extends Model> through(ManyToManyMeta m) {
        return m.hasThroughModel() ? model(m.throughClass()) : null;
    }
}
