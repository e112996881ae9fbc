package dev.quarry.model;

/**
 * The reverse side of a foreign key or many-to-many field, seen from its target: Author's
 * {@code books} (from Book.author with {@code relatedName = "books"}) or Book's {@code review_set}
 * (accessor) / {@code review} (query name) from Review.book.
 *
 * @param target the model that has this reverse side (Author)
 * @param source the model that declares the relation (Book)
 * @param foreignKey the declaring foreign key, or {@code null} for a many-to-many
 * @param manyToMany the declaring many-to-many field, or {@code null} for a foreign key
 */
public record ReverseRelation(ModelMeta target, ModelMeta source, FieldMeta foreignKey, ManyToManyMeta manyToMany,
                              String accessorName, String queryName, boolean hidden) {

    static ReverseRelation of(FieldMeta fk) {
        FieldMeta.ForeignKeyMeta rel = fk.relation();
        return build(rel.target(), fk.model(), fk, null, rel.relatedName(), rel.relatedQueryName(), rel.oneToOne());
    }

    static ReverseRelation of(ManyToManyMeta m2m) {
        return build(m2m.target(), m2m.source(), null, m2m, m2m.relatedName(), m2m.relatedQueryName(), false);
    }

    private static ReverseRelation build(ModelMeta target, ModelMeta source, FieldMeta fk, ManyToManyMeta m2m,
                                         String relatedName, String relatedQueryName, boolean oneToOne) {
        boolean hidden = relatedName.endsWith("+");
        // Django: the reverse side of a one-to-one is one object, named after the model without "_set".
        String defaultAccessor = oneToOne ? source.modelName() : source.modelName() + "_set";
        String accessor = relatedName.isEmpty() || hidden ? defaultAccessor : relatedName;
        String query = !relatedQueryName.isEmpty() ? relatedQueryName
                : !relatedName.isEmpty() && !hidden ? relatedName : source.modelName();
        return new ReverseRelation(target, source, fk, m2m, accessor, query, hidden);
    }

    /** Whether this is the reverse side of a many-to-many field. */
    public boolean isManyToMany() {
        return manyToMany != null;
    }

    /** Whether this is the reverse side of a one-to-one field: one object (or none), not a manager. */
    public boolean isOneToOne() {
        return foreignKey != null && foreignKey.isOneToOne();
    }

    /**
     * Whether this is a parent's side of a multi-table child's parent link ({@code restaurant} on Place). As in
     * Django, a child does not inherit these from its parents.
     */
    public boolean ofParentLink() {
        return foreignKey != null && foreignKey.isParentLink();
    }

    /** The accessor the reverse side would have without a related name ({@code review_set}, {@code authorprofile}). */
    public String defaultAccessor() {
        return isOneToOne() ? source.modelName() : source.modelName() + "_set";
    }

    /** The declaring field, for messages ({@code Book.author}). */
    public String fieldLabel() {
        return isManyToMany() ? manyToMany.toString() : foreignKey.toString();
    }

    /** Whether the declaring field set a related name, so the default {@code <model>_set} does not exist. */
    public boolean renamed() {
        String name = isManyToMany() ? manyToMany.relatedName() : foreignKey.relation().relatedName();
        return !name.isEmpty() && !hidden;
    }
}
