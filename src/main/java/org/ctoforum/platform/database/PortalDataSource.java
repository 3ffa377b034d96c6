package org.ctoforum.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The connection pools: the one every transaction uses, and a small one outside transactions. URL and credentials come from MicroProfile Config at run time, never from the build; the
 * launcher sets them for the embedded database. Payara validates pooled connections so the pool recovers by itself
 * after the database comes back, but each connection at most once in 5 s: validating at every checkout was a round
 * trip to PostgreSQL for every query a request made outside a transaction, about three for each API call with a token.
 */
@DataSourceDefinitions({
    @DataSourceDefinition(
            name = PortalDataSource.JNDI_NAME,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=portal.db.url}",
            user = "${MPCONFIG=portal.db.user}",
            password = "${MPCONFIG=portal.db.password}",
            minPoolSize = 2,
            maxPoolSize = 40,
            loginTimeout = 2,
            properties = {
                "connectTimeout=2",
                "socketTimeout=30",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=2000"
            }),
    @DataSourceDefinition(
            name = PortalDataSource.OUTSIDE_TRANSACTIONS_JNDI_NAME,
            className = "org.postgresql.ds.PGSimpleDataSource",
            url = "${MPCONFIG=portal.db.url}",
            user = "${MPCONFIG=portal.db.user}",
            password = "${MPCONFIG=portal.db.password}",
            transactional = false,
            minPoolSize = 1,
            maxPoolSize = 10,
            loginTimeout = 2,
            properties = {
                "connectTimeout=2",
                "socketTimeout=30",
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.fail-all-connections=true",
                "fish.payara.max-wait-time-in-millis=2000"
            })
})
@ApplicationScoped
public class PortalDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/portal";
    /**
     * A small pool whose connections never join the caller's transaction, for libraries that commit their own work,
     * such as Bucket4j's rate-limit buckets.
     */
    public static final String OUTSIDE_TRANSACTIONS_JNDI_NAME = "java:app/jdbc/portal-outside-transactions";
}
