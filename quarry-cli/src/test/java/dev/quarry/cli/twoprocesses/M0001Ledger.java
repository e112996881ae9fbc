package dev.quarry.cli.twoprocesses;

import dev.quarry.migrations.Migration;
import dev.quarry.migrations.Operation;
import java.util.List;

/**
 * A migration that takes a while: it creates a table, waits a second (long enough for a second
 * process to start and reach the migration lock) and writes one row. Run twice, the table would be
 * created twice (an error) or hold two rows.
 */
public final class M0001Ledger extends Migration {
    @Override
    public List<Class<? extends Migration>> dependencies() {
        return List.of();
    }

    @Override
    public List<Operation> operations() {
        return List.of(
                Operation.runSql("CREATE TABLE ledger (n integer)", "DROP TABLE ledger"),
                Operation.runJava(quarry -> {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                Operation.runSql("INSERT INTO ledger (n) VALUES (1)", "DELETE FROM ledger"));
    }
}
