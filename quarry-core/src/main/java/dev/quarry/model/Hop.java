package dev.quarry.model;

import java.util.List;

/**
 * One relation crossed by a lookup path ({@code books} in {@code books__title}), as the joins
 * that reach the target model from the source.
 */
public record Hop(String name, ModelMeta from, ModelMeta to, List<JoinStep> steps, FieldMeta forwardKey) {

    /** The hop along a foreign key, to its target. */
    public static Hop forward(FieldMeta fk) {
        ModelMeta target = fk.relation().target();
        return new Hop(fk.queryName(), fk.model(), target,
                List.of(new JoinStep(target.table(), fk.column(), target.pk().column(), false, fk.nullable())), fk);
    }

    /**
     * The hop from a multi-table child to its parent along the parent link ({@code place_ptr}): never
     * empty, so always an INNER join, and single-valued.
     */
    public static Hop parent(FieldMeta link) {
        ModelMeta parent = link.relation().target();
        return new Hop(link.queryName(), link.model(), parent,
                List.of(new JoinStep(parent.table(), link.column(), parent.pk().column(), false, false)), link);
    }

    /** The hops from {@code meta} up to its ancestor {@code ancestor}, one per multi-table parent. */
    public static List<Hop> toAncestor(ModelMeta meta, ModelMeta ancestor) {
        List<Hop> hops = new java.util.ArrayList<>();
        for (ModelMeta m = meta; m != ancestor && m.parent() != null; m = m.parent()) {
            hops.add(parent(m.pk()));
        }
        return hops;
    }

    /** The hop along a many-to-many field, through its table to the target. */
    public static Hop manyToMany(ManyToManyMeta m) {
        ModelMeta target = m.target();
        return new Hop(m.queryName(), m.source(), target, List.of(
                new JoinStep(m.throughTable(), m.source().pk().column(), m.sourceColumn(), true, true),
                new JoinStep(target.table(), m.targetColumn(), target.pk().column(), false, false)), null);
    }

    /** The hop along a reverse relation, back to the model that declares it. */
    public static Hop reverse(ReverseRelation r) {
        if (r.isManyToMany()) {
            ManyToManyMeta m = r.manyToMany();
            return new Hop(r.queryName(), r.target(), r.source(), List.of(
                    new JoinStep(m.throughTable(), r.target().pk().column(), m.targetColumn(), true, true),
                    new JoinStep(r.source().table(), m.sourceColumn(), r.source().pk().column(), false, false)), null);
        }
        // A one-to-one's reverse side meets at most one row: single-valued, so its join is always reused.
        return new Hop(r.queryName(), r.target(), r.source(), List.of(
                new JoinStep(r.source().table(), r.target().pk().column(), r.foreignKey().column(), !r.isOneToOne(), true)),
                null);
    }

    /** Whether crossing this hop may multiply the source's rows. */
    public boolean multiValued() {
        return steps.stream().anyMatch(JoinStep::multiValued);
    }

    /** Whether this hop follows a foreign key forward (the key's column is on the source). */
    public boolean isForward() {
        return forwardKey != null;
    }
}
