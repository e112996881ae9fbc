package dev.quarry.persist;

import dev.quarry.db.Database;
import dev.quarry.sql.CompiledSql;
import dev.quarry.sql.DeleteCompiler;
import dev.quarry.sql.InsertCompiler;
import dev.quarry.spi.Features;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows of a many-to-many table for one owner: adds the missing pairs, removes some or all. IN
 * lists and multi-row inserts are chunked under the database's parameter limits; callers run the
 * calls in a transaction.
 *
 * @param table the through table
 * @param ownerColumn the column that refers to the owner ({@code book_id} seen from a book)
 * @param otherColumn the column that refers to the related objects ({@code tag_id})
 */
public record ManyToManyWriter(String table, String ownerColumn, String otherColumn) {

    /** The keys, without duplicates, that are not yet related to {@code owner} (one SELECT per chunk). */
    public List<Object> missing(Database db, Object owner, List<Object> keys) {
        DeleteCompiler pairs = new DeleteCompiler(db.backend().operations());
        Set<String> existing = new HashSet<>();
        LinkedHashSet<Object> wanted = new LinkedHashSet<>(keys);
        for (List<Object> chunk : chunks(new ArrayList<>(wanted), db.backend().features(), 2)) {
            existing.addAll(db.query(pairs.selectPairs(table, ownerColumn, owner, otherColumn, chunk), rs -> {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(normal(rs.getObject(1)));
                }
                return out;
            }));
        }
        List<Object> out = new ArrayList<>();
        for (Object k : wanted) {
            if (!existing.contains(normal(k))) {
                out.add(k);
            }
        }
        return out;
    }

    /** Inserts a pair for each key not already related to {@code owner}; existing pairs are kept. */
    public void add(Database db, Object owner, List<Object> keys) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object k : missing(db, owner, keys)) {
            rows.add(List.of(owner, k));
        }
        InsertCompiler insert = new InsertCompiler(db.backend().operations());
        int perStatement = Math.max(1, (db.backend().features().maxBindParameters() - 10) / 2);
        for (int i = 0; i < rows.size(); i += perStatement) {
            CompiledSql sql = insert.insert(table, List.of(ownerColumn, otherColumn),
                    rows.subList(i, Math.min(rows.size(), i + perStatement)), null);
            db.update(sql);
        }
    }

    /** Deletes the pairs of {@code owner} with these keys; returns how many rows went. */
    public int remove(Database db, Object owner, List<Object> keys) {
        DeleteCompiler compiler = new DeleteCompiler(db.backend().operations());
        int n = 0;
        for (List<Object> chunk : chunks(keys, db.backend().features(), 2)) {
            n += db.update(compiler.deletePairs(table, ownerColumn, owner, otherColumn, chunk));
        }
        return n;
    }

    /** Deletes the pairs of {@code owner} with these keys in both directions (a symmetrical relation), one statement per chunk. */
    public int removeBothWays(Database db, Object owner, List<Object> keys) {
        DeleteCompiler compiler = new DeleteCompiler(db.backend().operations());
        int n = 0;
        Features f = db.backend().features();
        int size = Math.max(1, Math.min(f.maxInListSize(), (f.maxBindParameters() - 2) / 2));
        for (int i = 0; i < keys.size(); i += size) {
            n += db.update(compiler.deleteBothWays(table, ownerColumn, otherColumn, owner,
                    keys.subList(i, Math.min(keys.size(), i + size))));
        }
        return n;
    }

    /** Deletes every pair of {@code owner} in both directions (a symmetrical relation); returns how many rows went. */
    public int clearBothWays(Database db, Object owner) {
        return db.update(new DeleteCompiler(db.backend().operations()).deleteBothWays(table, ownerColumn, otherColumn, owner, null));
    }

    /** Deletes every pair of {@code owner}; returns how many rows went. */
    public int clear(Database db, Object owner) {
        return db.update(new DeleteCompiler(db.backend().operations()).deletePairs(table, ownerColumn, owner, otherColumn, null));
    }

    /**
     * Makes each owner's pairs exactly its keys (a fixture's many-to-many lists, Django's {@code set()} per
     * object), for many owners at once: one DELETE of their pairs and one multi-row INSERT per chunk.
     */
    public void replace(Database db, java.util.Map<Object, List<Object>> keysByOwner) {
        List<Object> owners = new ArrayList<>(keysByOwner.keySet());
        DeleteCompiler delete = new DeleteCompiler(db.backend().operations());
        for (List<Object> chunk : chunks(owners, db.backend().features(), 0)) {
            db.update(delete.deleteWhereIn(table, ownerColumn, chunk));
        }
        List<List<Object>> rows = new ArrayList<>();
        keysByOwner.forEach((owner, keys) -> {
            for (Object k : new LinkedHashSet<>(keys)) {
                rows.add(List.of(owner, k));
            }
        });
        InsertCompiler insert = new InsertCompiler(db.backend().operations());
        int perStatement = Math.max(1, (db.backend().features().maxBindParameters() - 10) / 2);
        for (int i = 0; i < rows.size(); i += perStatement) {
            db.update(insert.insert(table, List.of(ownerColumn, otherColumn),
                    rows.subList(i, Math.min(rows.size(), i + perStatement)), null));
        }
    }

    /** Keys compared across driver types: 3, 3L and "3" are the same key. */
    private static String normal(Object key) {
        return key == null ? "null" : key.toString();
    }

    private static List<List<Object>> chunks(List<Object> all, Features features, int reserved) {
        int size = Math.max(1, Math.min(features.maxInListSize(), features.maxBindParameters() - reserved));
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
