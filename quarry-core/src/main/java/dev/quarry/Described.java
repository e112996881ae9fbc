package dev.quarry;

import dev.quarry.query.Condition;
import java.util.ArrayDeque;

/**
 * The conditions a QuerySet was filtered or excluded by, for its messages ({@link DoesNotExist},
 * {@link MultipleObjectsReturned}) and {@code toString}: a chain of conditions, rendered only when
 * a message shows it, so that building a query spends nothing on text. Values are shown as
 * {@code ?}. Immutable.
 */
final class Described {
    /** No condition: every row. */
    static final Described NONE = new Described(null, null, false);

    private final Described previous;
    private final Condition condition;
    private final boolean exclude;

    private Described(Described previous, Condition condition, boolean exclude) {
        this.previous = previous;
        this.condition = condition;
        this.exclude = exclude;
    }

    /** These conditions and one more: {@code filter(...)}, or {@code exclude(...)} when {@code exclude}. */
    Described then(Condition c, boolean exclude) {
        return new Described(this, c, exclude);
    }

    /** {@code filter(title=?).exclude(rating__lt=?)}, in the order given, or {@code (all rows)}. */
    String render() {
        if (condition == null) {
            return "(all rows)";
        }
        ArrayDeque<Described> chain = new ArrayDeque<>();
        for (Described d = this; d.condition != null; d = d.previous) {
            chain.push(d);
        }
        StringBuilder sb = new StringBuilder();
        for (Described d : chain) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(d.exclude ? "exclude(" : "filter(").append(d.condition.describe()).append(')');
        }
        return sb.toString();
    }
}
