package dev.quarry.spring;

import dev.quarry.ExternalTransactions;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring-managed transactions as Quarry joins them: while a Spring transaction is active on the
 * thread (a {@code @Transactional} method, a {@code TransactionTemplate}), Quarry's statements on a
 * database run on the connection Spring bound to that database's DataSource
 * ({@link DataSourceUtils#getConnection}), so they commit and roll back with it; Quarry's
 * {@code onCommit} callbacks become {@code afterCommit} synchronizations. Only databases whose
 * DataSource Spring's transaction manager manages join (by default the application's DataSource,
 * Quarry's {@code "default"}); a replica's reads run outside the transaction.
 */
final class SpringTransactions implements ExternalTransactions {
    private final Map<String, DataSource> dataSources;

    /** Joins the transactions Spring runs on these DataSources, by Quarry database name. */
    SpringTransactions(Map<String, DataSource> dataSources) {
        this.dataSources = Map.copyOf(dataSources);
    }

    @Override
    public Optional<Transaction> current(String database) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        DataSource ds = dataSources.get(database);
        if (ds == null || TransactionSynchronizationManager.getResource(ds) == null) {
            // no transaction of Spring's on this database (a replica, or a transaction manager of another DataSource)
            return Optional.empty();
        }
        return Optional.of(new Joined(ds));
    }

    /** The thread's Spring transaction on one DataSource. */
    private static final class Joined implements Transaction {
        private final DataSource dataSource;

        Joined(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection connection() {
            Connection c = DataSourceUtils.getConnection(dataSource);
            // The transaction keeps the connection; releasing only lowers the holder's reference count.
            DataSourceUtils.releaseConnection(c, dataSource);
            return c;
        }

        @Override
        public boolean readOnly() {
            return TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        }

        @Override
        public void onCommit(Runnable callback) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    callback.run();
                }
            });
        }

        @Override
        public void onRollback(Runnable callback) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        callback.run();
                    }
                }
            });
        }
    }
}
