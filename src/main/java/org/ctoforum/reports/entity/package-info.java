/** Reports with their versions and sections, the workflow they move through, grants, access requests, downloads. */
package org.ctoforum.reports.entity;
