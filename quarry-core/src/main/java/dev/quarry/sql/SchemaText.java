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
 */
final class SchemaText {
    private SchemaText() {}

    /** A model's columns under a table alias, as selected: the expressions, and their text. */
    record ModelColumns(List<Col> cols, String text) {}

    /** What a model's columns under a table alias depend on when written by a database's operations. */
    private record ColumnsKey(ModelMeta model, String alias, Operations ops) {}

    /** What a join's text depends on when written by a database's operations (not the filter call that made it). */
    private record JoinKey(JoinStep step, String alias, String parentAlias, Join.JoinType type, Operations ops) {}

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
        return registry.derived(new JoinKey(j.step(), j.alias(), j.parentAlias(), j.type(), ops), k -> write.apply(j));
    }
}
