package org.ctoforum.platform.sections;

import java.util.Map;

/**
 * A report's title or sections changed. Fired in the transaction that changed them, with the headings of the sections
 * the report has now, by anchor; an anchor that is missing belongs to a section that was removed.
 */
public record ReportSectionsChanged(long reportId, String reportTitle, Map<String, String> headingsByAnchor) {}
