/**
 * What reports and discussions share about a report's sections. Discussions may ask reports about a section, but
 * reports may not import discussions: reports fire {@link org.ctoforum.platform.sections.ReportSectionsChanged} and
 * ask {@link org.ctoforum.platform.sections.SectionDiscussionCounts}, which discussions provide.
 */
package org.ctoforum.platform.sections;
