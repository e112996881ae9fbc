package dev.quarry;

import dev.quarry.query.Condition;
import dev.quarry.query.QueryHooks;
import dev.quarry.query.QueryTree;

/** The API side of {@link QueryHooks}: the structure of a {@link Q}, and a user's query folded as a subquery. */
final class QueryBridge implements QueryHooks.Facade {
    @Override
    public Condition condition(Q q) {
        return q.condition();
    }

    @Override
    public boolean isQuery(Object value) {
        return value instanceof Queryable<?, ?>;
    }

    @Override
    public QueryTree fold(Object query, QueryTree outer) {
        Plan plan;
        if (query instanceof QueryBase<?, ?> q) {
            plan = q.plan;
        } else if (query instanceof DelegatingQueryable<?> d) {
            plan = d.all().plan;
        } else {
            throw new QueryError("Cannot use " + query.getClass().getSimpleName() + " as a subquery");
        }
        return plan.fold(outer);
    }
}
