package dev.quarry.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of an array field's value: its elements in the kind's own Java types ({@code null}
 * elements included), and the element kind when known (a value read from a column has none). A backend
 * with {@link Feature#ARRAY_FIELD} binds it as an array of that kind.
 *
 * @param elementType the kind of the elements, or {@code null} when read from a column
 * @param items the elements, in order
 */
public record SqlArray(FieldType elementType, List<Object> items) {
    public SqlArray {
        items = Collections.unmodifiableList(new ArrayList<>(items));
    }
}
