package dev.quarry.processor;

import java.util.Locale;

/**
 * Quarry's naming rules, as the core applies them at run time (its {@code internal.Names}): the
 * processor has no dependency on the core, so it keeps its own copy, and {@code NamingAgreesWithCoreTest}
 * checks that both give the same names.
 */
final class Names {
    private Names() {}

    /** {@code publishedDate} to {@code published_date}: the name lookup strings use for a field. */
    static String snake(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 4);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(javaName.charAt(i - 1)) && javaName.charAt(i - 1) != '_';
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                if (i > 0 && (prevLower || (nextLower && javaName.charAt(i - 1) != '_'))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Django's model name: the class name lower-cased ({@code BookReview} to {@code bookreview}). */
    static String modelName(String simpleName) {
        return simpleName.toLowerCase(Locale.ROOT);
    }
}
