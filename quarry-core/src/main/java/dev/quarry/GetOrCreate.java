package dev.quarry;

import dev.quarry.model.ModelMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Django's {@code get_or_create} and {@code update_or_create}, safe under concurrent callers when
 * the lookup names a unique constraint: a get; on a miss, an insert in its own atomic block (a
 * savepoint inside a transaction); on an IntegrityError from that insert, the get again, which
 * finds the row a concurrent caller just committed. {@code updateOrCreate} does the same on a
 * locked query inside one transaction, then applies the defaults and saves.
 */
final class GetOrCreate {
    private GetOrCreate() {}

    /**
     * The row {@code lookup} matches in {@code qs}, or one made by {@code creator} from the lookup's
     * plain field entries (those without {@code __}, as Django) and then {@code defaults}.
     */
    static <T extends Model> Created<T> getOrCreate(QuerySet<T> qs, Map<String, ?> lookup, Consumer<? super T> defaults,
                                                    Function<Consumer<? super T>, T> creator) {
        // As Django: the get runs where the insert will, so that a row just written is found.
        QuerySet<T> matching = matching(qs.forWrite(), lookup);
        try {
            return new Created<>(matching.get(), false);
        } catch (DoesNotExist missing) {
            // create it below
        }
        Quarry q = qs.plan().quarry();
        String database = matching.plan().database(q, true);
        ModelMeta meta = q.registry().meta(qs.type());
        Map<String, Object> plain = new LinkedHashMap<>();
        lookup.forEach((k, v) -> {
            if (!k.contains("__")) {
                plain.put(k, v);
            }
        });
        try {
            T made = q.atomic(database).call(() -> creator.apply(o -> {
                Manager.assign(meta, o, plain);
                defaults.accept(o);
            }));
            return new Created<>(made, true);
        } catch (IntegrityError conflict) {
            try {
                return new Created<>(matching.get(), false);
            } catch (DoesNotExist stillMissing) {
                // The insert failed for another reason than a concurrent insert of the same row.
                conflict.addSuppressed(stillMissing);
                throw conflict;
            }
        }
    }

    /** How many times updateOrCreate runs its own transaction when the database reports a deadlock. */
    static final int ATTEMPTS = 5;

    /**
     * As {@link #getOrCreate}, on a locked query in one transaction; a found row gets {@code defaults}
     * and is saved. When that transaction is its own (no transaction was open) and the database
     * reports a conflict, it runs it again, up to {@link #ATTEMPTS} times: on MariaDB, callers whose
     * inserts of the same new row failed hold shared locks from the duplicate-key check, and their
     * locking reads then deadlock, which InnoDB resolves by failing one ("try restarting transaction").
     * {@code defaults} may then run more than once, each time on a freshly loaded or new object.
     */
    static <T extends Model> Created<T> updateOrCreate(QuerySet<T> qs, Map<String, ?> lookup, Consumer<? super T> defaults,
                                                       Function<Consumer<? super T>, T> creator) {
        Quarry q = qs.plan().quarry();
        String database = qs.forWrite().plan().database(q, true);
        int attempts = q.session(database).database().inTransaction() ? 1 : ATTEMPTS;
        for (int attempt = 1; ; attempt++) {
            try {
                return q.atomic(database).call(() -> {
                    // Lock the row so that a concurrent update waits until this one has saved (Django's comment).
                    Created<T> found = getOrCreate(qs.selectForUpdate(), lookup, defaults, creator);
                    if (!found.created()) {
                        defaults.accept(found.object());
                        found.object().saveOn(q, database);
                    }
                    return found;
                });
            } catch (TransactionConflictError conflict) {
                if (attempt >= attempts) {
                    throw conflict;
                }
            }
        }
    }

    /** Defaults given as field names and values. */
    static <T extends Model> Consumer<T> fromMap(QuerySet<T> qs, Map<String, ?> defaults) {
        Map<String, ?> copy = new LinkedHashMap<>(defaults);
        return o -> Manager.assign(qs.plan().quarry().registry().meta(qs.type()), o, copy);
    }

    private static <T extends Model> QuerySet<T> matching(QuerySet<T> qs, Map<String, ?> lookup) {
        if (lookup.isEmpty()) {
            return qs;
        }
        List<Q> conditions = new ArrayList<>(lookup.size());
        lookup.forEach((k, v) -> conditions.add(Q.of(k, v)));
        return qs.filter(conditions.get(0), conditions.subList(1, conditions.size()).toArray(new Q[0]));
    }
}
