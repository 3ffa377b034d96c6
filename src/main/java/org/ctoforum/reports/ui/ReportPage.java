package org.ctoforum.reports.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.web.Charts;
import org.ctoforum.platform.web.PageMessages;
import org.ctoforum.reports.boundary.AccessRequests;
import org.ctoforum.reports.boundary.Downloads;
import org.ctoforum.reports.boundary.ReportUploads;
import org.ctoforum.reports.boundary.ReportView;
import org.ctoforum.reports.boundary.Reports;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.ReportKind;
import org.ctoforum.reports.entity.Theme;

/**
 * One report: its cover, summary, sections for those who may read them, versions, and the way in for those who may
 * not (sign in, join, buy, ask for a press copy). Staff get the workflow, new versions and the download figures.
 */
@Named
@ViewScoped
public class ReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Reports reports;

    @Inject
    Downloads downloads;

    @Inject
    AccessRequests accessRequests;

    @Inject
    ReportUploads uploads;

    @Inject
    Caller caller;

    private String slug;
    private boolean denied;
    private ReportView report;
    private boolean missing;
    private Downloads.DownloadStats stats;
    private List<Downloads.DownloadView> recent = List.of();
    private List<AccessRequests.RequestView> requests = List.of();
    private String requestMessage;
    private Integer linkMinutes = 60;
    private String link;
    private String releaseAt;
    private String versionNote;
    private transient Part versionFile;
    private String decision;
    private List<AccessRequests.GrantView> grants = List.of();
    private String revokeReason;

    public void load() {
        try {
            report = reports.viewBySlug(slug);
            if (caller.staff()) {
                stats = downloads.stats(report.id(), 90);
                recent = downloads.log(report.id(), null, 20);
                requests = accessRequests.list("PENDING", report.id());
                grants = accessRequests.grants(report.id());
            }
        } catch (ProblemException notFound) {
            missing = true;
        }
    }

    public void requestCopy(String kind) {
        if (PageMessages.attempt(() -> accessRequests.ask(report.id(), kind, requestMessage))) {
            PageMessages.info(
                    kind.equals("PURCHASE")
                            ? "Thank you. Staff will write to you with how to pay; your copy is ready as soon as they record"
                                    + " the payment."
                            : "Thank you. Staff will look at your request for a press copy and tell you here.");
            requestMessage = null;
        }
    }

    public void makeLink() {
        PageMessages.attempt(
                () -> link = downloads.link(report.id(), linkMinutes).url());
    }

    public void move(String to) {
        if (PageMessages.attempt(() -> report = reports.transition(report.id(), to, blankToNull(releaseAt)))) {
            PageMessages.info(
                    report.embargoed()
                            ? "Scheduled: readers see it from "
                                    + report.releaseAt().format(DateTimeFormatter.RFC_1123_DATE_TIME)
                            : "The report is now "
                                    + report.status().toLowerCase().replace('_', ' ') + ".");
            releaseAt = null;
        }
    }

    public void uploadVersion() {
        if (versionFile == null || versionFile.getSize() == 0) {
            PageMessages.error("Choose the PDF of the new version.");
            return;
        }
        if (PageMessages.attempt(() -> {
            try (InputStream in = versionFile.getInputStream()) {
                org.ctoforum.reports.control.UploadNames.check(versionFile.getSubmittedFileName());
                Reports.ReceivedPdf pdf = uploads.pdf(in);
                try {
                    reports.addVersion(report.id(), pdf, versionNote);
                } finally {
                    pdf.upload().close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })) {
            PageMessages.info("The new version is online.");
            versionNote = null;
            load();
        }
    }

    public void approve(long requestId) {
        if (PageMessages.attempt(() -> accessRequests.approve(requestId, blankToNull(decision)))) {
            PageMessages.info("Approved: the reader can download the report now and has been told.");
            decision = null;
            load();
        }
    }

    public void decline(long requestId) {
        if (PageMessages.attempt(() -> accessRequests.decline(requestId, decision))) {
            PageMessages.info("Declined; the reader has been told why.");
            decision = null;
            load();
        }
    }

    public void revoke(long grantId) {
        if (PageMessages.attempt(() -> accessRequests.revoke(report.id(), grantId, revokeReason))) {
            PageMessages.info("Revoked: the file, the holder's links and search are closed to them now.");
            revokeReason = null;
            load();
        }
    }

    public List<AccessRequests.GrantView> getGrants() {
        return grants;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public void setRevokeReason(String revokeReason) {
        this.revokeReason = revokeReason;
    }

    /** Downloads per day over the last 90 days; the page shows the same figures in a table. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        JsonArrayBuilder people = Json.createArrayBuilder();
        stats.perDay().forEach(day -> {
            labels.add(day.day().toString());
            counts.add(day.downloads());
            people.add(day.people());
        });
        return Charts.config(
                "line",
                labels,
                Json.createArrayBuilder()
                        .add(Charts.dataset("Downloads", counts, Charts.BRAND).add("fill", false))
                        .add(Charts.dataset("People", people, Charts.LIGHT).add("fill", false)));
    }

    /** The days with downloads, for the table beside the chart. */
    public List<Downloads.DayCount> getBusyDays() {
        List<Downloads.DayCount> busy = new ArrayList<>(
                stats.perDay().stream().filter(day -> day.downloads() > 0).toList());
        Collections.reverse(busy);
        return busy;
    }

    public String getKindLabel() {
        return ReportKind.valueOf(report.kind()).label();
    }

    public String getThemeLabel() {
        return report.theme() == null ? null : Theme.valueOf(report.theme()).label();
    }

    public String getAccessLabel() {
        return Access.valueOf(report.access()).label();
    }

    public String getPrice() {
        return report.priceCents() == null
                ? null
                : String.format("$%d.%02d", report.priceCents() / 100, report.priceCents() % 100);
    }

    public boolean way(String name) {
        return report.waysIn().contains(name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public boolean isDenied() {
        return denied;
    }

    public void setDenied(boolean denied) {
        this.denied = denied;
    }

    public ReportView getReport() {
        return report;
    }

    public boolean isMissing() {
        return missing;
    }

    public Downloads.DownloadStats getStats() {
        return stats;
    }

    public List<Downloads.DownloadView> getRecent() {
        return recent;
    }

    public List<AccessRequests.RequestView> getRequests() {
        return requests;
    }

    public String getRequestMessage() {
        return requestMessage;
    }

    public void setRequestMessage(String requestMessage) {
        this.requestMessage = requestMessage;
    }

    public Integer getLinkMinutes() {
        return linkMinutes;
    }

    public void setLinkMinutes(Integer linkMinutes) {
        this.linkMinutes = linkMinutes;
    }

    public String getLink() {
        return link;
    }

    public String getReleaseAt() {
        return releaseAt;
    }

    public void setReleaseAt(String releaseAt) {
        this.releaseAt = releaseAt;
    }

    public String getVersionNote() {
        return versionNote;
    }

    public void setVersionNote(String versionNote) {
        this.versionNote = versionNote;
    }

    public Part getVersionFile() {
        return versionFile;
    }

    public void setVersionFile(Part versionFile) {
        this.versionFile = versionFile;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }
}
