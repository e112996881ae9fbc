package dev.quarry;

/**
 * An enum whose constants carry a human-readable label (the label half of Django's {@code choices}),
 * for an enum field stored by name or ordinal. {@link FieldInfo#choices()} lists the labels; without
 * this interface a constant's label is derived from its name ({@code IN_PROGRESS} is "In Progress").
 *
 * <pre>{@code
 * public enum Status implements Labeled {
 *     DRAFT("Draft"), PUBLISHED("Published on the site");
 *     private final String label;
 *     Status(String label) { this.label = label; }
 *     public String label() { return label; }
 * }
 * }</pre>
 */
public interface Labeled {
    /** The text shown for this constant. */
    String label();

    /**
     * The label of an enum constant: its own {@link #label()}, or one derived from its name, words split
     * at underscores and each capitalised, as Django derives a choice's label ({@code IN_PROGRESS} gives "In Progress").
     */
    static String of(Enum<?> constant) {
        return constant instanceof Labeled l ? l.label() : fromName(constant.name());
    }

    /** A label derived from a constant's name: words split at underscores, each capitalised ({@code IN_PROGRESS}: "In Progress"). */
    static String fromName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i) == '_' ? ' ' : name.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString().trim();
    }
}
