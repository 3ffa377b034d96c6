package org.ctoforum.platform.sections;

import java.util.Map;

/** How many discussions of each section of a report the caller may read, counted for all sections at once. */
public interface SectionDiscussionCounts {

    /** The counts by section anchor; a section without discussions the caller may read is absent. */
    Map<String, Long> byAnchor(long reportId);
}
