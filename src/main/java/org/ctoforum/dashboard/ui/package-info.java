/** The staff dashboard page: PrimeFaces charts, each with its figures in a table beside it. */
package org.ctoforum.dashboard.ui;
