package dev.quarry;

/**
 * Maps a value type of the application ({@code Money}, a wrapped id, a code) to what a column stores, so
 * that a field can hold it: declared with {@link dev.quarry.annotation.Convert @Convert} next to the field
 * annotation that picks the column. {@code D} is that column's Java type: {@code String} for a CharField or
 * TextField, {@code Long}, {@code Integer} or {@code Short} for the integer fields, {@code BigDecimal},
 * {@code Double}, {@code Boolean}, {@code LocalDate}, {@code Instant}, {@code UUID}, ... for the others.
 * Every lookup, default, range check and ordering of the column then applies to the converted value, and
 * a lookup value of type {@code J} is converted too.
 *
 * <pre>{@code
 * public final class MoneyConverter implements FieldConverter<Money, BigDecimal> {
 *     public BigDecimal toDatabase(Money m) { return m.amount(); }
 *     public Money fromDatabase(BigDecimal d) { return new Money(d); }
 * }
 *
 * @DecimalField(maxDigits = 12, decimalPlaces = 2) @Convert(MoneyConverter.class)
 * public Money price;
 * }</pre>
 *
 * <p>An implementation needs a public no-argument constructor; one instance serves every thread, so it
 * must be stateless or thread-safe. Neither method is called with {@code null}, and neither may return it.
 * An exception thrown by either is reported as an {@link InvalidValueError} naming the model and field.
 *
 * @param <J> the field's Java type
 * @param <D> the column's Java type
 */
public interface FieldConverter<J, D> {
    /** The value the column stores for {@code value}. */
    D toDatabase(J value);

    /** The field's value for what the column stores. */
    J fromDatabase(D value);
}
