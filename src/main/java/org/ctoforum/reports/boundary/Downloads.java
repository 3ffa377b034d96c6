package org.ctoforum.reports.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.database.SqlValues;
import org.ctoforum.platform.files.FileStore;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.security.SignedLinks;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.LabelledCount;
import org.ctoforum.reports.control.FileTransfer.StoredFile;
import org.ctoforum.reports.control.ReportRules;
import org.ctoforum.reports.control.ReportRules.Reader;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Download;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportVersion;

/**
 * Who may have which file, and the log of every copy that left. The page, the API and signed links all ask
 * {@link #ticket} first and {@link #record} after, so the rules and the accounting are the same on every path.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Downloads {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());
    private static final String LINK_PREFIX = "report-file";

    /** Leave to send one version's file to one reader. */
    public record Ticket(long reportId, long versionId, int versionNumber, Long accountId, StoredFile file) {}

    public record DownloadView(
            long id,
            Long accountId,
            String who,
            int version,
            String channel,
            OffsetDateTime at,
            String range,
            long bytesSent,
            boolean completed,
            String address)
            implements Serializable {}

    public record DayCount(LocalDate day, long downloads, long people) implements Serializable {}

    public record DownloadStats(long downloads, long completeCopies, long people, long bytesSent, List<DayCount> perDay)
            implements Serializable {}

    public record SignedLink(String url, OffsetDateTime expiresAt) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Reports reports;

    @Inject
    Caller caller;

    @Inject
    People people;

    @Inject
    SignedLinks signedLinks;

    @Inject
    FileStore files;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** A ticket for the caller, or the problem that says why not (404, 401 or 403 with the ways in). */
    public Ticket forCaller(Report report, Integer versionNumber) {
        return ticket(report, reports.reader(), versionNumber);
    }

    /** A ticket for the owner of a signed link, checked against their rights as of now. */
    public Ticket forLink(String slug, String token) {
        String[] parts =
                signedLinks.verify(token).map(payload -> payload.split(":")).orElse(new String[0]);
        if (parts.length != 5 || !parts[0].equals(LINK_PREFIX)) {
            throw ProblemException.forbidden("This download link is not valid.");
        }
        long reportId = Long.parseLong(parts[1]);
        long accountId = Long.parseLong(parts[2]);
        int epoch = Integer.parseInt(parts[3]);
        if (OffsetDateTime.now(clock).toEpochSecond() > Long.parseLong(parts[4])) {
            throw new ProblemException(
                    ProblemType.LINK_EXPIRED, "This download link has expired. Make a new one on the report's page.");
        }
        Report report = em.find(Report.class, reportId);
        if (report == null || !report.getSlug().equals(slug)) {
            throw ProblemException.forbidden("This download link is for another report.");
        }
        // The owner's rights now, not when the link was made: a disabled account, a lapsed membership, a revoked
        // grant or a sign-out everywhere ends the link at once.
        Person owner = people.byId(accountId)
                .filter(person -> person.active() && person.credentialEpoch() == epoch)
                .orElseThrow(() -> ProblemException.forbidden(
                        "This download link was revoked. Make a new one on the report's page."));
        Reader reader = new Reader(owner.id(), owner.has(Role.MEMBER), owner.has(Role.PRESS), owner.has(Role.STAFF));
        return ticket(report, reader, null);
    }

    /** A member's link to their own copy, for another device; it expires after {@code minutes}. */
    public SignedLink link(long reportId, Integer minutes) {
        long accountId = caller.requireAccountId();
        Report report = reports.visible(reportId);
        ticket(report, reports.reader(), null);
        int max = settings.number(PortalSetting.REPORT_LINK_MAX_MINUTES);
        if (minutes == null || minutes < 1 || minutes > max) {
            throw ProblemException.badRequest("minutes must be from 1 to " + max + ".");
        }
        OffsetDateTime expires = OffsetDateTime.now(clock).plusMinutes(minutes);
        int epoch = people.byId(accountId).orElseThrow().credentialEpoch();
        String token = signedLinks.sign(
                LINK_PREFIX + ":" + reportId + ":" + accountId + ":" + epoch + ":" + expires.toEpochSecond());
        LOG.info(() -> "Account " + accountId + " made a " + minutes + "-minute link to report " + reportId);
        return new SignedLink(settings.baseUrl() + "/reports/" + report.getSlug() + "/download?link=" + token, expires);
    }

    Ticket ticket(Report report, Reader reader, Integer versionNumber) {
        if (!ReportRules.canSee(report, reader, OffsetDateTime.now(clock))) {
            throw ProblemException.notFound("This report");
        }
        if (!ReportRules.canRead(report, reader, reports.granted(report.getId(), reader.accountId()))) {
            if (!reader.signedIn()) {
                throw ProblemException.unauthorized();
            }
            throw noRight(report, reader);
        }
        List<ReportVersion> versions = reports.versions(report.getId());
        if (versions.isEmpty()) {
            throw ProblemException.notFound("A file of this report");
        }
        ReportVersion version = versions.get(0);
        if (versionNumber != null && versionNumber != version.getNumber()) {
            if (!reader.staff()) {
                throw ProblemException.notFound("Version " + versionNumber);
            }
            version = versions.stream()
                    .filter(v -> v.getNumber() == versionNumber)
                    .findFirst()
                    .orElseThrow(() -> ProblemException.notFound("Version " + versionNumber));
        }
        if (!Files.isReadable(files.path(version.getFileHash()))) {
            LOG.severe("The file of report " + report.getId() + " version " + version.getNumber()
                    + " is missing from the file store: " + version.getFileHash());
            throw new ProblemException(ProblemType.UNAVAILABLE, "The file is missing on this server; staff are told.");
        }
        return new Ticket(
                report.getId(),
                version.getId(),
                version.getNumber(),
                reader.accountId(),
                new StoredFile(
                        files.path(version.getFileHash()),
                        version.getFileHash(),
                        version.getFileSize(),
                        version.getCreatedAt().atZoneSameInstant(ZoneOffset.UTC),
                        version.getFileName()));
    }

    /** The cover image of a report the caller may see. Covers are small and count as public metadata. */
    public Optional<StoredFile> cover(Report report) {
        ReportVersion latest = reports.latest(report.getId());
        if (latest == null || latest.getCoverHash() == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredFile(
                files.path(latest.getCoverHash()),
                latest.getCoverHash(),
                0,
                latest.getCreatedAt().atZoneSameInstant(ZoneOffset.UTC),
                report.getSlug() + ".png"));
    }

    /**
     * Behind nginx ({@code portal.downloads.accel-redirect}): where nginx finds the ticket's file, for
     * X-Accel-Redirect. Empty when the portal sends the bytes itself.
     */
    public Optional<String> handOffLocation(Ticket ticket) {
        String prefix = settings.text(PortalSetting.DOWNLOAD_ACCEL_REDIRECT);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        String hash = ticket.file().hash();
        return Optional.of(prefix + hash.substring(0, 2) + "/" + hash);
    }

    /**
     * Written when the transfer ends, so the bytes are the ones that actually left. A transfer handed to nginx is
     * written at the hand-off, with the bytes asked for: nginx does not tell how far it got.
     */
    public void record(
            Ticket ticket,
            Download.Channel channel,
            OffsetDateTime startedAt,
            String range,
            long bytesSent,
            boolean completed,
            String address) {
        em.persist(new Download(
                ticket.reportId(),
                ticket.versionId(),
                ticket.accountId(),
                channel,
                startedAt,
                range,
                bytesSent,
                completed,
                address == null ? "unknown" : address));
        LOG.info(() -> "Download of report " + ticket.reportId() + " v" + ticket.versionNumber() + " by "
                + (ticket.accountId() == null ? "an anonymous reader" : "account " + ticket.accountId()) + " via "
                + channel + ": " + (range == null ? "whole file" : "bytes " + range) + ", " + bytesSent
                + " bytes sent" + (completed ? "" : " (interrupted)") + " to " + address);
    }

    /** Completed downloads per month ({@code YYYY-MM} in {@code zone}) since a moment, of the {@code top} most downloaded reports (staff). */
    public List<LabelledCount> completedPerMonth(OffsetDateTime since, ZoneId zone, int top) {
        caller.require(Role.STAFF, "see download figures");
        List<?> rows = em.createNativeQuery("with top as (select report_id from report_download"
                        + " where completed and started_at >= ? group by report_id order by count(*) desc, report_id"
                        + " limit ?)"
                        + " select r.id, r.title, to_char(d.started_at at time zone ?, 'YYYY-MM'), count(*)"
                        + " from report_download d join top on top.report_id = d.report_id"
                        + " join report r on r.id = d.report_id"
                        + " where d.completed and d.started_at >= ? group by 1, 2, 3")
                .setParameter(1, since)
                .setParameter(2, top)
                .setParameter(3, zone.getId())
                .setParameter(4, since)
                .getResultList();
        return rows.stream().map(LabelledCount::of).toList();
    }

    /** The audit entries of a report, newest first (staff). */
    public List<DownloadView> log(long reportId, Long before, int size) {
        caller.require(Role.STAFF, "read the download log");
        reports.existing(reportId);
        List<Object[]> rows = em.createNativeQuery(
                        "select d.id, d.account_id, v.number, d.channel, d.started_at, d.byte_range, d.bytes_sent,"
                                + " d.completed, d.address from report_download d"
                                + " join report_version v on v.id = d.version_id where d.report_id = ? and d.id < ?"
                                + " order by d.id desc limit ?")
                .setParameter(1, reportId)
                .setParameter(2, before == null ? Long.MAX_VALUE : before)
                .setParameter(3, Math.max(1, Math.min(size, 500)))
                .getResultList();
        Map<Long, Person> readers = people.byIds(rows.stream()
                .filter(row -> row[1] != null)
                .map(row -> ((Number) row[1]).longValue())
                .collect(Collectors.toSet()));
        List<DownloadView> views = new ArrayList<>();
        for (Object[] row : rows) {
            Long account = row[1] == null ? null : ((Number) row[1]).longValue();
            Person reader = account == null ? null : readers.get(account);
            views.add(new DownloadView(
                    ((Number) row[0]).longValue(),
                    account,
                    reader == null ? "anonymous" : reader.displayName() + " <" + reader.email() + ">",
                    ((Number) row[2]).intValue(),
                    (String) row[3],
                    SqlValues.moment(row[4]),
                    (String) row[5],
                    ((Number) row[6]).longValue(),
                    (Boolean) row[7],
                    (String) row[8]));
        }
        return views;
    }

    /** Counts for the staff panel, with one point per day of the last {@code days} days. */
    public DownloadStats stats(long reportId, int days) {
        caller.require(Role.STAFF, "read download figures");
        reports.existing(reportId);
        Object[] totals = (Object[])
                em.createNativeQuery("select count(*), count(*) filter (where completed and byte_range is null),"
                                + " count(distinct coalesce(account_id::text, address)), coalesce(sum(bytes_sent), 0)"
                                + " from report_download where report_id = ?")
                        .setParameter(1, reportId)
                        .getSingleResult();
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, DayCount> perDay = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            perDay.put(day, new DayCount(day, 0, 0));
        }
        List<Object[]> rows = em.createNativeQuery("select (started_at at time zone ?)::date, count(*),"
                        + " count(distinct coalesce(account_id::text, address)) from report_download"
                        + " where report_id = ? and started_at >= ? group by 1")
                .setParameter(1, settings.timeZone().getId())
                .setParameter(2, reportId)
                .setParameter(3, first.atStartOfDay(settings.timeZone()).toOffsetDateTime())
                .getResultList();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[0];
            perDay.put(day, new DayCount(day, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return new DownloadStats(
                ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(),
                ((Number) totals[2]).longValue(),
                ((Number) totals[3]).longValue(),
                List.copyOf(perDay.values()));
    }

    /** The whole log of a report as CSV, written page by page so a long log never sits in memory. */
    public void csv(long reportId, Writer out) {
        caller.require(Role.STAFF, "export the download log");
        try {
            // Not closed here: the writer belongs to the caller.
            CSVPrinter csv = CSVFormat.DEFAULT
                    .builder()
                    .setHeader(
                            "id",
                            "at",
                            "account_id",
                            "who",
                            "version",
                            "channel",
                            "range",
                            "bytes_sent",
                            "completed",
                            "address")
                    .get()
                    .print(out);
            Long before = null;
            List<DownloadView> page;
            do {
                page = log(reportId, before, 500);
                for (DownloadView d : page) {
                    csv.printRecord(
                            d.id(),
                            d.at(),
                            d.accountId(),
                            inert(d.who()),
                            d.version(),
                            d.channel(),
                            d.range() == null ? "whole" : d.range(),
                            d.bytesSent(),
                            d.completed(),
                            d.address());
                }
                before = page.isEmpty() ? null : page.get(page.size() - 1).id();
            } while (page.size() == 500);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProblemException noRight(Report report, Reader reader) {
        Map<String, Object> ways = new LinkedHashMap<>();
        ways.put(
                "ways",
                ReportRules.waysIn(report, reader).stream().map(Enum::name).toList());
        ways.put("join", settings.baseUrl() + "/join.xhtml");
        if (report.getAccess() == Access.MEMBERS_OR_PURCHASE) {
            ways.put("priceCents", report.getPriceCents());
        }
        ways.put("request", settings.baseUrl() + "/api/reports/" + report.getId() + "/access-requests");
        String how = report.getAccess() == Access.MEMBERS_OR_PURCHASE
                ? "Join the association, or ask to buy a copy"
                : "Join the association";
        return new ProblemException(
                ProblemType.MEMBERS_ONLY,
                how + (reader.press() ? ", or ask for a complimentary press copy." : ".") + " Staff answer requests"
                        + " by email.",
                ways);
    }

    /** A name that a spreadsheet would run as a formula gets a leading quote (CSV injection). */
    private static String inert(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
