package dev.quarry.sql;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.JoinStep;
import dev.quarry.model.ModelMeta;
import dev.quarry.model.Registry;
import dev.quarry.query.Join;
import dev.quarry.query.expr.Col;
import dev.quarry.spi.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The parts of a SELECT whose text depends only on the models, the table aliases and the database:
 * a model's columns ({@code "author"."id", "author"."name"}) and a join
 * ({@code LEFT OUTER JOIN "book" ON ("author"."id" = "book"."author_id")}). Every query of a model
 * writes the same ones, so each is written once per registry and database and kept among the
 * registry's derived values (bounded; immutable, so safe to share between threads).
 *
 * <p>The keys' equality is written out: they are looked up several times per SELECT compiled, and
 * a record's generated equality is not always inlined.
 */
final class SchemaText {
    private SchemaText() {}

    /** A model's columns under a table alias, as selected: the expressions, and their text. */
    record ModelColumns(List<Col> cols, String text) {}

    /** What a model's columns under a table alias depend on when written by a database's operations. */
    private static final class ColumnsKey {
        final ModelMeta model;
        final String alias;
        final Operations ops;

        ColumnsKey(ModelMeta model, String alias, Operations ops) {
            this.model = model;
            this.alias = alias;
            this.ops = ops;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ColumnsKey k && k.model == model && k.ops == ops && k.alias.equals(alias);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(model) * 31 + alias.hashCode()) * 31 + System.identityHashCode(ops);
        }
    }

    /** What a join's text depends on when written by a database's operations (not the filter call that made it). */
    private static final class JoinKey {
        final JoinStep step;
        final String alias;
        final String parentAlias;
        final Join.JoinType type;
        final Operations ops;

        JoinKey(Join j, Operations ops) {
            this.step = j.step();
            this.alias = j.alias();
            this.parentAlias = j.parentAlias();
            this.type = j.type();
            this.ops = ops;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JoinKey k && k.type == type && k.ops == ops && (k.step == step || k.step.equals(step))
                    && k.alias.equals(alias) && k.parentAlias.equals(parentAlias);
        }

        @Override
        public int hashCode() {
            return ((step.hashCode() * 31 + alias.hashCode()) * 31 + parentAlias.hashCode()) * 31 + type.ordinal();
        }
    }

    /** The columns of {@code meta} under {@code alias} as {@code ops} writes them, made once per registry. */
    static ModelColumns columns(Registry registry, Operations ops, ModelMeta meta, String alias) {
        return registry.derived(new ColumnsKey(meta, alias, ops), k -> {
            List<Col> cols = new ArrayList<>(meta.fields().size());
            SqlBuilder text = new SqlBuilder(ops);
            for (FieldMeta f : meta.fields()) {
                text.sql(cols.isEmpty() ? "" : ", ").identifier(alias).sql(".").identifier(f.column());
                cols.add(Col.of(alias, f));
            }
            return new ModelColumns(List.copyOf(cols), text.build().sql());
        });
    }

    /** The text of {@code j} as {@code write} writes it with {@code ops}, made once per registry. */
    static String join(Registry registry, Operations ops, Join j, Function<Join, String> write) {
        return registry.derived(new JoinKey(j, ops), k -> write.apply(j));
    }
}
