package dev.quarry.spi;

import java.util.List;

/**
 * A named index of a table, as the schema editor sees it: Django's {@code Index} ({@code unique}
 * false) or a {@code UniqueConstraint} ({@code unique} true), which every backend writes as a unique index.
 *
 * @param name the index name, unique in the database
 * @param columns the indexed columns, in order
 * @param unique whether the index refuses two rows with the same values
 */
public record IndexDef(String name, List<String> columns, boolean unique) {
    /** Copies {@code columns}. */
    public IndexDef {
        columns = List.copyOf(columns);
    }

    /**
     * The unique index of one {@code @Meta(uniqueTogether)} entry of {@code table}: named
     * {@code <table>_<column>_..._uniq}, a function of table and columns, so migrations can drop it without
     * introspection.
     */
    public static IndexDef uniqueTogether(String table, List<String> columns) {
        return new IndexDef(derivedName(table + "_" + String.join("_", columns) + "_uniq"), columns, true);
    }

    /**
     * {@code full} when it is at most 60 characters, else its first 50 and a short hash of it: a name
     * under every database's identifier limit that stays unique.
     */
    public static String derivedName(String full) {
        if (full.length() <= 60) {
            return full;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(full.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return full.substring(0, 50) + "_" + java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
