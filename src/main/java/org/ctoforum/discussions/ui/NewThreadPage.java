package org.ctoforum.discussions.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.discussions.boundary.Categories;
import org.ctoforum.discussions.boundary.Threads;
import org.ctoforum.discussions.entity.Category;
import org.ctoforum.forums.boundary.EditionView;
import org.ctoforum.forums.boundary.Editions;
import org.ctoforum.forums.boundary.Schedule;
import org.ctoforum.platform.markdown.Markdown;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.reports.boundary.SectionReferences;
import org.ctoforum.reports.boundary.SectionReferences.SectionReference;

/**
 * Starting a thread: category, title, tags, the Chatham House choice, an optional forum session, and the text. A thread
 * about a report section ({@code report} and {@code section} in the address) goes to the category staff chose for
 * those, and shows the section it will quote.
 */
@Named
@ViewScoped
public class NewThreadPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A choice in a select: a value and its label. */
    public record Choice(long id, String label) implements Serializable {}

    @Inject
    Threads threads;

    @Inject
    Categories categories;

    @Inject
    Editions editions;

    @Inject
    Schedule schedule;

    @Inject
    SectionReferences sections;

    private String category;
    private Long categoryId;
    private String title;
    private String tags;
    private boolean chathamHouse;
    private Long sessionId;
    private String body;
    private String preview;
    private List<Choice> categoryChoices = List.of();
    private List<Choice> sessionChoices = List.of();
    private Long reportId;
    private String sectionAnchor;
    private SectionReference section;
    private String sectionProblem;

    public void load() {
        if (reportId != null && sectionAnchor != null) {
            loadSection();
            return;
        }
        List<Category> writable =
                categories.readable().stream().filter(categories::canWrite).toList();
        categoryChoices =
                writable.stream().map(c -> new Choice(c.getId(), c.getName())).toList();
        writable.stream()
                .filter(c -> c.getSlug().equals(category))
                .findFirst()
                .or(() -> writable.stream().findFirst())
                .ifPresent(c -> {
                    categoryId = c.getId();
                    chathamHouse = c.isChathamHouseDefault();
                });
        List<Choice> sessions = new ArrayList<>();
        for (EditionView edition : editions.list()) {
            if (!edition.status().equals("DRAFT")) {
                schedule.list(edition.id())
                        .forEach(s -> sessions.add(new Choice(s.id(), edition.title() + ": " + s.title())));
            }
        }
        sessionChoices = sessions;
    }

    /** The section to discuss, its category, and a title to start from; or why it cannot be discussed. */
    private void loadSection() {
        try {
            section = sections.readableSection(reportId, sectionAnchor);
        } catch (ProblemException refused) {
            sectionProblem = refused.detail();
            return;
        }
        categories
                .forReportSections()
                .filter(categories::canWrite)
                .ifPresentOrElse(
                        c -> {
                            categoryChoices = List.of(new Choice(c.getId(), c.getName()));
                            categoryId = c.getId();
                            chathamHouse = c.isChathamHouseDefault();
                        },
                        () -> sectionProblem = "Discussing report sections is for members.");
        if (title == null) {
            title = Threads.suggestedTitle(section);
        }
    }

    /** Picking a category sets the Chatham House choice to its default. */
    public void categoryChanged() {
        categories.readable().stream()
                .filter(c -> c.getId().equals(categoryId))
                .findFirst()
                .ifPresent(c -> chathamHouse = c.isChathamHouseDefault());
    }

    public void preview() {
        preview = Markdown.toSafeHtml(body);
    }

    public void start() throws IOException {
        Long[] created = new Long[1];
        List<String> tagList = tags == null ? List.of() : Arrays.asList(tags.split(","));
        if (PageMessages.attempt(() -> created[0] = threads.create(
                section == null
                        ? new Threads.NewThread(title, body, categoryId, chathamHouse, tagList, sessionId, null, null)
                        : new Threads.NewThread(
                                title, body, null, chathamHouse, tagList, null, reportId, sectionAnchor)))) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.info("Your thread is started.");
            context.getExternalContext()
                    .redirect(context.getExternalContext().getRequestContextPath() + "/discussions/thread.xhtml?id="
                            + created[0]);
        }
    }

    public Long getReportId() {
        return reportId;
    }

    public void setReportId(Long reportId) {
        this.reportId = reportId;
    }

    public String getSectionAnchor() {
        return sectionAnchor;
    }

    public void setSectionAnchor(String sectionAnchor) {
        this.sectionAnchor = sectionAnchor;
    }

    public SectionReference getSection() {
        return section;
    }

    public String getSectionProblem() {
        return sectionProblem;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public boolean isChathamHouse() {
        return chathamHouse;
    }

    public void setChathamHouse(boolean chathamHouse) {
        this.chathamHouse = chathamHouse;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public void setSessionId(Long sessionId) {
        this.sessionId = sessionId;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getPreview() {
        return preview;
    }

    public List<Choice> getCategoryChoices() {
        return categoryChoices;
    }

    public List<Choice> getSessionChoices() {
        return sessionChoices;
    }
}
