/** Report pages: the list grouped by theme and kind, a report with its ways in and staff's panel, the admin list. */
package org.ctoforum.reports.ui;
