package org.ctoforum.platform.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one connection pool. URL and credentials come from MicroProfile Config at run time, never from the build; the
 * launcher sets them for the embedded database. Payara validates pooled connections so the pool recovers by itself
 * after the database comes back, but each connection at most once in 5 s: validating at every checkout was a round
 * trip to PostgreSQL for every query a request made outside a transaction, about three for each API call with a token.
 */
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
        })
@ApplicationScoped
public class PortalDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/portal";
}
