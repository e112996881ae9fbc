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

    /**
     * Splits a lookup string on {@code __} ({@code books__title__icontains} to its three parts),
     * keeping empty parts; without the regex {@code String.split} compiles for a two-character separator.
     */
    public static String[] splitLookup(String path) {
        int count = 1;
        for (int i = path.indexOf("__"); i >= 0; i = path.indexOf("__", i + 2)) {
            count++;
        }
        String[] parts = new String[count];
        int start = 0;
        for (int k = 0; k < count - 1; k++) {
            int end = path.indexOf("__", start);
            parts[k] = path.substring(start, end);
            start = end + 2;
        }
        parts[count - 1] = path.substring(start);
        return parts;
    }

    /** Django's model name: the class name lower-cased ({@code BookReview} to {@code bookreview}). */
    public static String modelName(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }
}
