package dev.quarry.internal;

import java.util.Locale;

/** Naming rules shared by every stage: Java names to snake_case and back. */
public final class Names {
    private Names() {}

    /** {@code publishedDate} to {@code published_date}; {@code BookTag} to {@code book_tag}. */
    public static String snake(String javaName) {
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
    public static String modelName(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
