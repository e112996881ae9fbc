package dev.quarry.conditional;

import static dev.quarry.expr.Aggregates.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.FieldError;
import dev.quarry.Ordering;
import dev.quarry.Q;
import dev.quarry.expr.Case;
import dev.quarry.expr.Expression;
import dev.quarry.expr.F;
import dev.quarry.expr.Value;
import dev.quarry.expr.When;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Case}/{@code When} in annotate, filter values, orderBy, aggregates and update, with
 * Django 3.2's results on the same rows ({@code django_conditional.py}).
 */
@QuarryTest(models = {Client.class, Purchase.class})
class CaseWhenTest {

    private static <V> List<V> col(Queries queries, Expression<?> e, Class<V> type) {
        return queries.assertNumQueries(1, () -> Client.objects.annotate("d", e).orderBy("id").valuesList("d", type).list());
    }

    @Test
    void theFirstMatchingBranchGivesTheValue(Queries queries) {
        Client.rows();
        assertThat(col(queries, Case.of(When.of("account_type", "G", Value.of("5%")), When.of("account_type", "P", Value.of("10%")))
                .otherwise(Value.of("0%")), String.class)).containsExactly("5%", "0%", "10%", "0%");
        assertThat(col(queries, Case.of(When.of("registered__lte", LocalDate.of(2014, 1, 1), Value.of(10)),
                When.of("registered__lte", LocalDate.of(2019, 1, 1), Value.of(5))).otherwise(Value.of(0)), Integer.class))
                .containsExactly(5, 0, 10, 0);
    }

    @Test
    void withoutOtherwiseTheValueIsNull(Queries queries) {
        Client.rows();
        assertThat(col(queries, Case.of(When.of("account_type", "P", Value.of(1))), Integer.class))
                .containsExactly(null, null, 1, null);
        // As in Django, a String result names a field.
        assertThat(col(queries, Case.of(When.of("account_type", "R", "registered")), LocalDate.class))
                .containsExactly(null, LocalDate.of(2020, 6, 15), null, LocalDate.of(2021, 2, 2));
        assertThat(col(queries, Case.of(When.of(Q.of("account_type", "G").or(Q.of("name", "jill")), Value.of("x")))
                .otherwise(Value.of("-")), String.class)).containsExactly("x", "-", "-", "x");
    }

    @Test
    void aCaseAsAFilterValueAndAnOrdering(Queries queries) {
        Client.rows();
        // Django: filter(account_type=Case(When(registered__year__lt=2016, then=Value('P')), default=Value('R'))).
        assertThat(queries.assertNumQueries(1, () -> Client.objects.filter("account_type",
                Case.of(When.of("registered__year__lt", 2016, Value.of("P"))).otherwise(Value.of("R")))
                .orderBy("id").valuesList("name", String.class).list())).containsExactly("james", "jack", "jill");
        assertThat(queries.assertNumQueries(1, () -> Client.objects.orderBy(Case.of(When.of("account_type", "P", Value.of(0)),
                When.of("account_type", "G", Value.of(1))).otherwise(Value.of(2)).asc(), Ordering.asc("name"))
                .valuesList("name", String.class).list())).containsExactly("jack", "jane", "james", "jill");
    }

    @Test
    void aCaseOverARelationJoinsLeftAndAggregates(Queries queries) {
        Client.rows();
        // Django: Sum(Case(When(orders__status='paid', then=F('orders__amount')), default=Value(0))) -> 100, 20, 500, 0.
        assertThat(col(queries, sum(Case.of(When.of("orders__status", "paid", F.of("orders__amount"))).otherwise(Value.of(0))),
                Long.class)).containsExactly(100L, 20L, 500L, 0L);
        List<String> open = queries.assertNumQueries(1, () -> Client.objects.annotate("o",
                Case.of(When.of("orders__status", "open", Value.of(1))).otherwise(Value.of(0))).filter("o", 1).distinct()
                .orderBy("name").valuesList("name", String.class).list());
        assertThat(open).containsExactly("jack", "jane");
    }

    @Test
    void updateWithACaseIsOneStatement(Queries queries) {
        Client.rows();
        // Django: update(account_type=Case(When(registered__lt=date(2016, 1, 1), then=Value('P')), default=F('account_type'))).
        int n = queries.assertNumQueries(1, () -> Client.objects.update("account_type",
                Case.of(When.of("registered__lt", LocalDate.of(2016, 1, 1), Value.of("P"))).otherwise(F.of("account_type"))));
        assertThat(n).isEqualTo(4);
        assertThat(Client.objects.orderBy("id").valuesList("account_type", String.class).list()).containsExactly("P", "R", "P", "R");
    }

    @Test
    void resultsOfDifferentKindsAreRefusedBeforeSql(Queries queries) {
        Client.rows();
        // Django: "Expression contains mixed types: CharField, IntegerField. You must set output_field."
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Client.objects.annotate("d",
                Case.of(When.of("account_type", "G", Value.of("a"))).otherwise(Value.of(1))))
                .isInstanceOf(FieldError.class).hasMessageContaining("Case mixes text (TEXT) and whole numbers (INTEGER)"));
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Client.objects.annotate("d",
                Case.of(When.of("nope", 1, Value.of(1))))).isInstanceOf(FieldError.class)
                .hasMessageContaining("Cannot resolve keyword 'nope'"));
        // Numbers of different kinds widen instead (Django asks for an output_field here).
        assertThat(col(queries, Case.of(When.of("account_type", "G", Value.of(1))).otherwise(Value.of(2.5)), Double.class))
                .containsExactly(1.0, 2.5, 2.5, 2.5);
    }
}
