package org.ctoforum.discussions.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ctoforum.discussions.boundary.Categories;
import org.ctoforum.discussions.boundary.ThreadLists;
import org.ctoforum.discussions.boundary.ThreadSummary;
import org.ctoforum.discussions.entity.Category;

/**
 * The threads about a report's sections, for the report page, which cannot import discussions and asks through EL.
 * The report's threads are read once per request, with the reader's access applied; the count shows to those who may
 * read the category that new ones go to, or who can read some of them.
 */
@Named
@RequestScoped
public class SectionDiscussions {

    @Inject
    ThreadLists threadLists;

    @Inject
    Categories categories;

    private Long reportId;
    private Map<String, List<ThreadSummary>> bySection = Map.of();
    private Category category;
    private boolean categoryLoaded;

    public List<ThreadSummary> about(long reportId, String anchor) {
        if (this.reportId == null || this.reportId != reportId) {
            bySection = threadLists.forReport(reportId, null).stream()
                    .collect(Collectors.groupingBy(ThreadSummary::sectionAnchor));
            this.reportId = reportId;
        }
        return bySection.getOrDefault(anchor, List.of());
    }

    /** Whether the count shows: a reader who may not read the category sees no "0 member discussions". */
    public boolean counted(long discussions) {
        return discussions > 0 || (category() != null && categories.canRead(category()));
    }

    /** Whether the reader may start a thread about a section. */
    public boolean canStart() {
        return category() != null && categories.canWrite(category());
    }

    public String startUrl(long reportId, String anchor) {
        return "/discussions/new.xhtml?report=" + reportId + "&section="
                + URLEncoder.encode(anchor, StandardCharsets.UTF_8);
    }

    private Category category() {
        if (!categoryLoaded) {
            category = categories.forReportSections().orElse(null);
            categoryLoaded = true;
        }
        return category;
    }
}
