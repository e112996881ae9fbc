package dev.quarry.db;

import dev.quarry.spi.Feature;
import dev.quarry.sql.CompiledSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of one query read through a database cursor, as a {@link Stream}. When the stream owns
 * its connection (outside a transaction) it runs in a transaction of its own so that PostgreSQL
 * honours the fetch size; not where the database has one writer, whose transaction may hold the
 * write lock (SQLite's BEGIN IMMEDIATE) and would stop every writer while the stream is open (the
 * statement's own snapshot suffices there). It releases the cursor and gives the connection back
 * exactly once: when the rows run out, when reading fails, or when the stream is closed. Used by
 * one thread.
 */
final class Cursor<T> implements Iterator<T> {
    private final Database db;
    private final Lease lease;
    private final boolean owned;
    private final boolean transaction;
    private final boolean autoCommitBefore;
    private final CompiledSql sql;
    private final SqlFunction<ResultSet, T> row;
    private PreparedStatement statement;
    private ResultSet rs;
    private boolean fetched;
    private boolean more;
    private boolean done;

    private Cursor(Database db, Lease lease, boolean owned, boolean transaction, boolean autoCommitBefore, CompiledSql sql,
                   SqlFunction<ResultSet, T> row) {
        this.db = db;
        this.lease = lease;
        this.owned = owned;
        this.transaction = transaction;
        this.autoCommitBefore = autoCommitBefore;
        this.sql = sql;
        this.row = row;
    }

    static <T> Stream<T> open(Database db, Lease lease, boolean owned, CompiledSql sql, SqlFunction<ResultSet, T> row,
                              int fetchSize) {
        boolean auto = false;
        boolean transaction = owned && !db.backend().features().has(Feature.SINGLE_WRITER);
        if (transaction) {
            try {
                auto = lease.connection().getAutoCommit();
                if (auto) {
                    lease.connection().setAutoCommit(false);
                }
            } catch (SQLException e) {
                db.source().release(lease, true);
                throw SqlErrors.translate(e, sql);
            }
        }
        Cursor<T> c = new Cursor<>(db, lease, owned, transaction, auto, sql, row);
        long start = db.log().start();
        try {
            c.statement = lease.connection().prepareStatement(sql.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            c.statement.setFetchSize(fetchSize);
            Database.bind(c.statement, sql.params());
            c.rs = c.statement.executeQuery();
            db.log().ran(sql, start);
        } catch (SQLException e) {
            db.log().failed(sql, start);
            throw c.fail(e);
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(c, Spliterator.ORDERED), false)
                .onClose(c::finish);
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        if (!fetched) {
            try {
                more = rs.next();
            } catch (SQLException e) {
                throw fail(e);
            }
            fetched = true;
            if (!more) {
                finish();
            }
        }
        return more;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        try {
            return row.apply(rs);
        } catch (SQLException e) {
            throw fail(e);
        } catch (RuntimeException e) {
            finishAfter(e);
            throw e;
        }
    }

    private RuntimeException fail(SQLException e) {
        RuntimeException error = SqlErrors.translate(e, sql);
        if (!owned) {
            db.statementFailed(error);
        }
        finishAfter(error);
        return error;
    }

    private void finishAfter(RuntimeException error) {
        try {
            finish();
        } catch (RuntimeException cleanup) {
            error.addSuppressed(cleanup);
        }
    }

    /** Closes the cursor and, when the stream owns it, ends its transaction and gives the connection back; once. */
    void finish() {
        if (done) {
            return;
        }
        done = true;
        more = false;
        close(rs);
        close(statement);
        if (!owned) {
            return;
        }
        boolean broken = false;
        SQLException failure = null;
        try {
            if (transaction) {
                lease.connection().commit();
                if (autoCommitBefore) {
                    lease.connection().setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            broken = true;
            failure = e;
        }
        db.source().release(lease, broken);
        if (failure != null) {
            throw SqlErrors.translate(failure, null);
        }
    }

    private static void close(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // finishing anyway
            }
        }
    }
}
