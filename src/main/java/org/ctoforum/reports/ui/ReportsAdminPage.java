package org.ctoforum.reports.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.reports.boundary.AccessRequests;
import org.ctoforum.reports.boundary.ReportUploads;
import org.ctoforum.reports.boundary.ReportView;
import org.ctoforum.reports.boundary.Reports;
import org.ctoforum.reports.control.UploadNames;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.ReportKind;
import org.ctoforum.reports.entity.Theme;

/** Staff's desk: every report by status, a form for a new one, and the queue of purchase and press requests. */
@Named
@ViewScoped
public class ReportsAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    AccessRequests accessRequests;

    @Inject
    ReportUploads uploads;

    private List<ReportView> all;
    private List<AccessRequests.RequestView> pending;
    private String title;
    private String summary;
    private String kind = ReportKind.TREND_REPORT.name();
    private String theme;
    private Integer year = java.time.Year.now().getValue();
    private String access = Access.MEMBERS.name();
    private Integer priceCents;
    private String topics;
    private transient Part file;

    public void load() {
        all = reports.list(null, null, null, null);
        pending = accessRequests.list("PENDING", null);
    }

    public void create() {
        ReportView[] created = new ReportView[1];
        boolean done = PageMessages.attempt(() -> {
            Reports.ReportForm form = new Reports.ReportForm(
                    title,
                    summary,
                    kind,
                    kind.equals(ReportKind.TREND_REPORT.name()) ? theme : null,
                    year,
                    access,
                    priceCents,
                    topics == null || topics.isBlank()
                            ? List.of()
                            : Arrays.stream(topics.split(","))
                                    .map(String::strip)
                                    .filter(t -> !t.isEmpty())
                                    .toList(),
                    null);
            if (file == null || file.getSize() == 0) {
                created[0] = reports.create(form, null);
                return;
            }
            UploadNames.check(file.getSubmittedFileName());
            try (InputStream in = file.getInputStream()) {
                Reports.ReceivedPdf pdf = uploads.pdf(in);
                try {
                    created[0] = reports.create(form, pdf);
                } finally {
                    pdf.upload().close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (done) {
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            PageMessages.info("Draft created. Add sections or a new version, then send it for review.");
            try {
                context.getExternalContext()
                        .redirect(context.getExternalContext().getRequestContextPath() + created[0].url());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public List<ReportView> byStatus(String status) {
        return all.stream().filter(r -> r.status().equals(status)).toList();
    }

    public List<String> getStatuses() {
        return List.of("DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED");
    }

    public ReportKind[] getKinds() {
        return ReportKind.values();
    }

    public Theme[] getThemes() {
        return Theme.values();
    }

    public Access[] getAccessLevels() {
        return Access.values();
    }

    public List<AccessRequests.RequestView> getPending() {
        return pending;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    public Integer getPriceCents() {
        return priceCents;
    }

    public void setPriceCents(Integer priceCents) {
        this.priceCents = priceCents;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
