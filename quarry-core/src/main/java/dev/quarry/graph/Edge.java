package dev.quarry.graph;

/**
 * One relation drawn once, from the model that declares it to its target: the forward name (a lookup name, as
 * {@code author}), the reverse accessor the target gets ({@code books}, {@code review_set}; {@code +} when hidden)
 * and its query name ({@code books}, {@code review}), and the number of objects at each end ({@code 1}, {@code 0..1}
 * or {@code *}).
 */
record Edge(String from, String to, String forward, String reverse, String reverseQuery, String fromCount, String toCount) {
    /** {@code author / books}, or {@code book / review_set (query review)} when the query name differs. */
    String label() {
        return forward + " / " + reverse + (reverse.equals(reverseQuery) || reverseQuery.isEmpty() ? "" : " (query " + reverseQuery + ")");
    }
}
