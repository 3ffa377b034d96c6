/** The staff dashboard: activity across the portal, counted by PostgreSQL, for charts and the API. */
package org.ctoforum.dashboard.boundary;
