/** Reports: listing, publishing, versions, gated downloads with their audit log, access requests, the Atom feed. */
package org.ctoforum.reports.boundary;
