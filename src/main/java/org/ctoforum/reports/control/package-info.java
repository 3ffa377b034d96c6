/** The rules of reports without a container: who may read what, byte ranges, and what a PDF holds. */
package org.ctoforum.reports.control;
