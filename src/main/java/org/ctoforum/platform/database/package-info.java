/** The database: the pooled data source, Flyway migrations at start, and the readiness check. */
package org.ctoforum.platform.database;
