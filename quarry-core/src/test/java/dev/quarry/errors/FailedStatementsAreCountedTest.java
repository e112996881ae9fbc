package dev.quarry.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quarry.ExecutedQuery;
import dev.quarry.FieldError;
import dev.quarry.IntegrityError;
import dev.quarry.Quarry;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement the database refused, or whose rows could not be read, is still told to query
 * listeners, so {@code assertNumQueries} counts it, as Django's query log does (its debug cursor
 * records a query in a {@code finally} block, failed or not).
 */
@QuarryTest(models = {Account.class, Transfer.class})
class FailedStatementsAreCountedTest {

    @Test
    void aRefusedInsertIsCounted(Queries queries) {
        Account.of("ann");
        Throwable[] thrown = new Throwable[1];
        List<ExecutedQuery> seen = queries.captured(() -> thrown[0] = catchThrowable(() -> Account.of("ann")));
        assertThat(thrown[0]).isInstanceOf(IntegrityError.class);
        // Transaction statements (a savepoint where the backend needs one) may come with it; the INSERT is there once.
        assertThat(seen.stream().filter(q -> q.sql().startsWith("INSERT")).count()).isEqualTo(1);
    }

    @Test
    void aQueryWhoseRowsCannotBeReadIsCountedOnce(Quarry quarry, Queries queries) {
        Account.of("bob");
        String table = quarry.model(Account.class).table();
        Throwable[] thrown = new Throwable[1];
        // raw() without the primary key: the SELECT runs, then reading its rows is refused.
        List<ExecutedQuery> seen = queries.captured(() -> thrown[0] = catchThrowable(
                () -> Account.objects.raw("SELECT handle FROM " + table).list()));
        assertThat(thrown[0]).isInstanceOf(FieldError.class);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).sql()).startsWith("SELECT handle FROM");
    }

    @Test
    void aSuccessfulQueryIsCountedOnce(Queries queries) {
        Account.of("cat");
        assertThat(queries.assertNumQueries(1, () -> Account.objects.filter("handle", "cat").count())).isEqualTo(1L);
    }
}
