package org.ctoforum.discussions.boundary;

import java.io.Serializable;
import org.ctoforum.discussions.entity.AboutSection;

/**
 * The report section a thread is about: its heading and report title as last known, and its place on the report's
 * page. {@code removed} says the section has since been removed from the report; {@code heading} is then its last.
 */
public record SectionLink(long reportId, String reportTitle, String anchor, String heading, String url, boolean removed)
        implements Serializable {

    static SectionLink of(AboutSection section) {
        return section == null
                ? null
                : new SectionLink(
                        section.getReportId(),
                        section.getReportTitle(),
                        section.getAnchor(),
                        section.getHeading(),
                        section.url(),
                        section.isRemoved());
    }
}
