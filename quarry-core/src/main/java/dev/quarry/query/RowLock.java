package dev.quarry.query;

import dev.quarry.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a SELECT locks the rows it reads ({@code selectForUpdate}): wait, fail at once
 * ({@code nowait}) or skip locked rows ({@code skipLocked}), on every table of the query or only on
 * those named in {@code of}: {@code "self"} for the queried model, a select_related path for the
 * others, as in Django.
 *
 * @param nowait fail at once instead of waiting
 * @param skipLocked leave locked rows out
 * @param of the tables to lock by name; empty for all
 */
public record RowLock(boolean nowait, boolean skipLocked, List<String> of) {
    /** A lock clause; {@code nowait} and {@code skipLocked} exclude each other. */
    public RowLock {
        of = List.copyOf(of);
        if (nowait && skipLocked) {
            throw new IllegalArgumentException("nowait and skipLocked exclude each other");
        }
    }

    /** The table aliases that {@link #of()} names in {@code tree}; a name that is not followed is a {@link FieldError} listing the choices. */
    public List<String> aliases(QueryTree tree) {
        if (of.isEmpty()) {
            return List.of();
        }
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("self", tree.rootAlias());
        for (SelectRelatedNode n : tree.selectRelated()) {
            collect(n, "", choices);
        }
        List<String> out = new ArrayList<>(of.size());
        List<String> bad = new ArrayList<>();
        for (String name : of) {
            String alias = choices.get(name);
            if (alias == null) {
                bad.add(name);
            } else if (!out.contains(alias)) {
                out.add(alias);
            }
        }
        if (!bad.isEmpty()) {
            throw new FieldError(tree.model().type(), bad.get(0), String.format("Invalid field name(s) given in "
                    + "selectForUpdate(..., of): %s. Only 'self' and the relations followed with selectRelated() "
                    + "are allowed. Choices are: %s", String.join(", ", bad), String.join(", ", choices.keySet())));
        }
        return out;
    }

    private static void collect(SelectRelatedNode n, String prefix, Map<String, String> out) {
        String path = prefix + n.queryName();
        out.put(path, n.alias());
        if (!n.isReverse() && !n.foreignKey().name().equals(n.foreignKey().queryName())) {
            out.putIfAbsent(prefix + n.foreignKey().name(), n.alias());
        }
        for (SelectRelatedNode c : n.children()) {
            collect(c, path + "__", out);
        }
    }
}
