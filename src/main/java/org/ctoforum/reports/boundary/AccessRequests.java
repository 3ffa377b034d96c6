package org.ctoforum.reports.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.changes.ContentChanged;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.notices.NoticeRequested;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.Backlog;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.AccessRequest;
import org.ctoforum.reports.entity.Report;
import org.ctoforum.reports.entity.ReportGrant;
import org.ctoforum.reports.entity.WorkflowException;

/**
 * Requests for a copy: a non-member buying a report for sale, or the press asking for a complimentary one. Staff
 * approve (recording the payment) or decline; an approval grants that person that report, and they are told.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class AccessRequests {

    private static final Logger LOG = Logger.getLogger(AccessRequests.class.getName());

    public record RequestView(
            long id,
            long reportId,
            String reportTitle,
            String reportSlug,
            Integer priceCents,
            long accountId,
            String who,
            String kind,
            String status,
            String message,
            String decision,
            OffsetDateTime createdAt,
            OffsetDateTime decidedAt)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ContentChanged> changes;

    @Inject
    Caller caller;

    @Inject
    Reports reports;

    @Inject
    People people;

    @Inject
    Event<NoticeRequested> notices;

    @Inject
    Clock clock;

    public RequestView ask(long reportId, String kind, String message) {
        long accountId = caller.requireAccountId();
        Report report = reports.visible(reportId);
        AccessRequest.Kind wanted =
                Fields.oneOf(AccessRequest.Kind.class, Fields.required(kind, "kind", 20), null, "kind");
        if (reports.canRead(report)) {
            throw ProblemException.conflict("You can already download this report.");
        }
        if (wanted == AccessRequest.Kind.PURCHASE && report.getAccess() != Access.MEMBERS_OR_PURCHASE) {
            throw ProblemException.conflict("This report is not for sale: it is for members only.");
        }
        if (wanted == AccessRequest.Kind.PRESS && !caller.is(Role.PRESS)) {
            throw ProblemException.forbidden("Complimentary copies are for press accounts. Staff can make your"
                    + " account a press account if you write for a publication.");
        }
        boolean open = em.createQuery(
                                "select count(q) from AccessRequest q where q.reportId = :r and q.accountId = :a"
                                        + " and q.status = :pending",
                                Long.class)
                        .setParameter("r", reportId)
                        .setParameter("a", accountId)
                        .setParameter("pending", AccessRequest.Status.PENDING)
                        .getSingleResult()
                > 0;
        if (open) {
            throw ProblemException.conflict("You already asked for this report; staff will answer by email.");
        }
        AccessRequest request = new AccessRequest(
                reportId, accountId, wanted, Fields.optional(message, "message", 1000), OffsetDateTime.now(clock));
        em.persist(request);
        em.flush();
        LOG.info(() -> "Account " + accountId + " asked for " + wanted + " access to report " + reportId);
        return view(request);
    }

    /** Staff's queue, oldest first; {@code status} defaults to PENDING. */
    public List<RequestView> list(String status, Long reportId) {
        caller.require(Role.STAFF, "read access requests");
        AccessRequest.Status wanted =
                Fields.oneOf(AccessRequest.Status.class, status, AccessRequest.Status.PENDING, "status");
        String filter = reportId == null ? "" : " and q.reportId = :report";
        var query = em.createQuery(
                        "select q from AccessRequest q where q.status = :status" + filter + " order by q.createdAt",
                        AccessRequest.class)
                .setParameter("status", wanted)
                .setMaxResults(500);
        if (reportId != null) {
            query.setParameter("report", reportId);
        }
        return query.getResultList().stream().map(this::view).toList();
    }

    /**
     * The oldest pending requests and how many wait in all, read in four queries whatever their number. The reports
     * are read on their own: selected beside the requests (select q, r) EclipseLink's batch fetch of a report's
     * relations failed with "query-batch-parameter", and the staff home page with it.
     */
    public Backlog<RequestView> pending(int max) {
        caller.require(Role.STAFF, "read access requests");
        long total = em.createQuery("select count(q) from AccessRequest q where q.status = :pending", Long.class)
                .setParameter("pending", AccessRequest.Status.PENDING)
                .getSingleResult();
        if (total == 0) {
            return Backlog.empty();
        }
        List<AccessRequest> requests = em.createQuery(
                        "select q from AccessRequest q where q.status = :pending order by q.createdAt",
                        AccessRequest.class)
                .setParameter("pending", AccessRequest.Status.PENDING)
                .setMaxResults(max)
                .getResultList();
        Map<Long, Report> reports = em.createQuery("select r from Report r where r.id in :ids", Report.class)
                .setParameter(
                        "ids",
                        requests.stream()
                                .map(AccessRequest::getReportId)
                                .distinct()
                                .toList())
                .getResultStream()
                .collect(Collectors.toMap(Report::getId, report -> report));
        Map<Long, Person> who =
                people.byIds(requests.stream().map(AccessRequest::getAccountId).toList());
        return new Backlog<>(
                total,
                requests.stream()
                        .map(request ->
                                view(request, reports.get(request.getReportId()), who.get(request.getAccountId())))
                        .toList());
    }

    /** The caller's own requests, newest first. */
    public List<RequestView> mine() {
        long accountId = caller.requireAccountId();
        return em
                .createQuery(
                        "select q from AccessRequest q where q.accountId = :a order by q.createdAt desc",
                        AccessRequest.class)
                .setParameter("a", accountId)
                .setMaxResults(100)
                .getResultList()
                .stream()
                .map(this::view)
                .toList();
    }

    /** Approves and grants; for a purchase the payment reference is required, so every sale is traceable. */
    public RequestView approve(long requestId, String reference) {
        long staffId = caller.require(Role.STAFF, "approve access requests");
        AccessRequest request = existing(requestId);
        if (request.getKind() == AccessRequest.Kind.PURCHASE) {
            Fields.required(reference, "reference (the payment's reference)", 200);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        decide(() -> request.approve(staffId, Fields.optional(reference, "reference", 200), now));
        grant(
                request.getReportId(),
                request.getAccountId(),
                request.getKind() == AccessRequest.Kind.PURCHASE ? ReportGrant.Kind.PURCHASE : ReportGrant.Kind.PRESS,
                reference,
                staffId,
                now);
        Report report = em.find(Report.class, request.getReportId());
        notices.fire(NoticeRequested.of(
                request.getAccountId(),
                "REPORT_ACCESS",
                "Your copy of \"" + report.getTitle() + "\" is ready to download.",
                "/reports/" + report.getSlug()));
        LOG.info(() -> "Account " + staffId + " approved " + request.getKind() + " request " + requestId);
        return view(request);
    }

    public RequestView decline(long requestId, String reason) {
        long staffId = caller.require(Role.STAFF, "decline access requests");
        AccessRequest request = existing(requestId);
        String why = Fields.required(reason, "reason", 1000);
        decide(() -> request.decline(staffId, why, OffsetDateTime.now(clock)));
        Report report = em.find(Report.class, request.getReportId());
        notices.fire(NoticeRequested.of(
                request.getAccountId(),
                "REPORT_ACCESS",
                "Your request for \"" + report.getTitle() + "\" was declined: " + why,
                "/reports/" + report.getSlug()));
        LOG.info(() -> "Account " + staffId + " declined " + request.getKind() + " request " + requestId);
        return view(request);
    }

    /** Staff give one person a copy outright, e.g. a speaker or a partner. */
    public void grant(
            long reportId, long accountId, ReportGrant.Kind kind, String reference, long staffId, OffsetDateTime now) {
        caller.require(Role.STAFF, "grant reports");
        em.createNativeQuery("insert into report_grant (report_id, account_id, kind, reference, granted_by, granted_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (report_id, account_id) do update set"
                        + " kind = excluded.kind, reference = excluded.reference, granted_by = excluded.granted_by,"
                        + " granted_at = excluded.granted_at, revoked_at = null, revoked_by = null,"
                        + " revoke_reason = null where report_grant.revoked_at is not null")
                .setParameter(1, reportId)
                .setParameter(2, accountId)
                .setParameter(3, kind.name())
                .setParameter(4, reference)
                .setParameter(5, staffId)
                .setParameter(6, now)
                .executeUpdate();
        changes.fire(ContentChanged.of(Content.REPORT, reportId));
    }

    /** A grant as staff see it: who holds it, why, and whether and why it was taken back. */
    public record GrantView(
            long id,
            long accountId,
            String email,
            ReportGrant.Kind kind,
            String reference,
            OffsetDateTime grantedAt,
            OffsetDateTime revokedAt,
            String revokeReason)
            implements Serializable {}

    /** Every grant of a report, revoked ones too, newest first. */
    public List<GrantView> grants(long reportId) {
        caller.require(Role.STAFF, "read a report's grants");
        reports.existing(reportId);
        List<ReportGrant> grants = em.createQuery(
                        "select g from ReportGrant g where g.reportId = :r order by g.grantedAt desc, g.id desc",
                        ReportGrant.class)
                .setParameter("r", reportId)
                .getResultList();
        Map<Long, Person> holders =
                people.byIds(grants.stream().map(ReportGrant::getAccountId).collect(Collectors.toSet()));
        return grants.stream()
                .map(grant -> view(grant, holders.get(grant.getAccountId())))
                .toList();
    }

    /**
     * Takes a purchase (a refund) or a press copy back, with the reason, at once: downloads, signed links and search
     * follow the grants on every use. The staff member, the holder and the reason go to the log.
     */
    public GrantView revoke(long reportId, long grantId, String reason) {
        long staffId = caller.require(Role.STAFF, "revoke grants");
        String why = Fields.required(reason, "reason", 1000).strip();
        ReportGrant grant = em.find(ReportGrant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null || grant.getReportId() != reportId) {
            throw ProblemException.notFound("Grant " + grantId + " of report " + reportId);
        }
        if (!grant.active()) {
            throw ProblemException.conflict("This grant was already revoked on " + grant.getRevokedAt() + ".");
        }
        grant.revoke(staffId, why, OffsetDateTime.now(clock));
        changes.fire(ContentChanged.of(Content.REPORT, reportId));
        LOG.info(() -> "Audit: account " + staffId + " revoked the " + grant.getKind() + " grant " + grantId
                + " of report " + reportId + " held by account " + grant.getAccountId() + "; reason: " + why);
        return view(grant, people.byId(grant.getAccountId()).orElse(null));
    }

    private static GrantView view(ReportGrant grant, Person holder) {
        return new GrantView(
                grant.getId(),
                grant.getAccountId(),
                holder == null ? null : holder.email(),
                grant.getKind(),
                grant.getReference(),
                grant.getGrantedAt(),
                grant.getRevokedAt(),
                grant.getRevokeReason());
    }

    private AccessRequest existing(long requestId) {
        AccessRequest request = em.find(AccessRequest.class, requestId);
        if (request == null) {
            throw ProblemException.notFound("Access request " + requestId);
        }
        return request;
    }

    private static void decide(Runnable decision) {
        try {
            decision.run();
        } catch (WorkflowException already) {
            throw ProblemException.conflict(already.getMessage());
        }
    }

    private RequestView view(AccessRequest request) {
        return view(
                request,
                em.find(Report.class, request.getReportId()),
                people.byId(request.getAccountId()).orElse(null));
    }

    private static RequestView view(AccessRequest request, Report report, Person person) {
        String who = person != null ? person.displayName() : "account " + request.getAccountId();
        return new RequestView(
                request.getId(),
                report.getId(),
                report.getTitle(),
                report.getSlug(),
                report.getPriceCents(),
                request.getAccountId(),
                who,
                request.getKind().name(),
                request.getStatus().name(),
                request.getMessage(),
                request.getDecision(),
                request.getCreatedAt(),
                request.getDecidedAt());
    }
}
