package dev.quarry;

import dev.quarry.expr.Aggregate;
import dev.quarry.query.ValueTypes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@code aggregate(...)} with several aggregates: each value by the aggregate that
 * computed it ({@code result.get(avgRating)}, typed) or by alias. Immutable.
 */
public final class Aggregation {
    private final Map<String, Object> byAlias;
    private final Map<Aggregate<?>, String> aliases;

    Aggregation(Map<String, Object> byAlias, Map<String, ? extends Aggregate<?>> aggregates) {
        this.byAlias = Collections.unmodifiableMap(new LinkedHashMap<>(byAlias));
        Map<Aggregate<?>, String> a = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> a.putIfAbsent(agg, alias));
        this.aliases = Collections.unmodifiableMap(a);
    }

    /** The value {@code aggregate} computed, as its type; {@code null} when there were no values. */
    public <V> V get(Aggregate<V> aggregate) {
        String alias = aliases.get(aggregate);
        if (alias == null) {
            throw new FieldError(null, aggregate.toString(), aggregate + " was not part of this aggregate(); it holds "
                    + aliases.keySet());
        }
        return ValueTypes.convert(byAlias.get(alias), aggregate.type(), alias);
    }

    /** The value under an alias ({@code rating__avg} by default). */
    public Object get(String alias) {
        if (!byAlias.containsKey(alias)) {
            throw new FieldError(null, alias, "No aggregate '" + alias + "'. Aliases are: " + String.join(", ", byAlias.keySet()));
        }
        return byAlias.get(alias);
    }

    /** The value under an alias, as {@code type}. */
    public <V> V get(String alias, Class<V> type) {
        return ValueTypes.convert(get(alias), type, alias);
    }

    /** Every value by alias, in the order asked for. */
    public Map<String, Object> asMap() {
        return byAlias;
    }

    @Override
    public String toString() {
        return byAlias.toString();
    }
}
