package dev.quarry;

/**
 * An enum whose constants are stored as a value of their own rather than their name or ordinal
 * (Django's {@code TextChoices}/{@code IntegerChoices}): a {@code String} for a {@code @CharField} or
 * {@code @TextField}, a whole number for an integer field. Values must be distinct, non-null and fit
 * the column; a stored value that no constant has is refused when the row is read, naming the row.
 *
 * <pre>{@code
 * public enum Year implements Choice<String> {
 *     FRESHMAN("FR", "Freshman"), SOPHOMORE("SO", "Sophomore");
 *     private final String value;
 *     private final String label;
 *     Year(String value, String label) { this.value = value; this.label = label; }
 *     public String value() { return value; }
 *     public String label() { return label; }
 * }
 *
 * @CharField(maxLength = 2) public Year year = Year.FRESHMAN;   // stored as 'FR'
 * }</pre>
 *
 * @param <V> the stored type: {@code String}, {@code Integer}, {@code Long} or {@code Short}
 */
public interface Choice<V> extends Labeled {
    /** The value the column stores for this constant. */
    V value();

    /** The constant's name; every enum has it. */
    String name();

    /** The label; by default derived from the name as {@link Labeled#of(Enum)} does. */
    @Override
    default String label() {
        return Labeled.fromName(name());
    }
}
