package dev.meridian.persistence.context;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one place that tells PostgreSQL who is acting. Before a repository method runs, it sets tenant, user
 * and scope with {@code set_config(..., true)} — transaction-local, so nothing outlives the transaction on a
 * pooled connection — once per transaction, and again only if the acting context changed within it (a
 * platform admin widening scope). No caller means empty settings, as every transaction starts, and the
 * policies then let no tenant row through.
 */
@RowLevelSecured
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class RowLevelSecurityInterceptor {

    private static final String APPLIED = RowLevelSecurityInterceptor.class.getName();

    @Inject
    ActingContext context;

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @AroundInvoke
    public Object applyContext(InvocationContext invocation) throws Exception {
        var acting = context.acting();
        if (transaction.getTransactionKey() == null) {
            throw new IllegalStateException("repositories run inside a transaction: " + invocation.getMethod());
        }
        var applied = transaction.getResource(APPLIED);
        // a transaction starts with the settings empty, which is what nobody acting means: no round trip for it
        var alreadyInForce = acting.equals(applied) || applied == null && acting.equals(Acting.NOBODY);
        if (!alreadyInForce) {
            apply(acting);
            transaction.putResource(APPLIED, acting);
        }
        return invocation.proceed();
    }

    /**
     * Puts the settings in force on the transaction's connection, which EclipseLink then goes on using: they
     * travel with its next statement ({@link ContextRidesAlong}), or, on a connection that is not one of those,
     * at once by plain JDBC (as a native query, the same call cost the API several percent of its CPU in
     * EclipseLink alone).
     */
    private void apply(Acting acting) {
        var connection = entityManager.unwrap(Connection.class);
        if (!ContextRidesAlong.defer(connection, acting)) {
            try {
                ContextRidesAlong.send(connection, acting);
            } catch (SQLException e) {
                throw new PersistenceException("could not set the row-level security context", e);
            }
        }
    }
}
