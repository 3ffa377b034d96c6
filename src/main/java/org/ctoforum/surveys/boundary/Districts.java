package org.ctoforum.surveys.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ctoforum.membership.boundary.People;
import org.ctoforum.platform.problem.Fields;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.District;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.DistrictMember;

/**
 * Districts and who speaks for them. A member names their district on their profile; it counts for the survey once
 * staff confirm it, because a district's response and its benchmark belong to its confirmed members only.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Districts {

    private static final Logger LOG = Logger.getLogger(Districts.class.getName());

    static final Set<String> STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
            "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR");

    /** The states a district may be in, by their two-letter codes in order: for forms to offer. */
    public static List<String> states() {
        return STATES.stream().sorted().toList();
    }

    public record DistrictForm(String name, String state, Integer enrollment, String locale, String region) {}

    public record DistrictView(
            long id, String name, String state, int enrollment, String band, String locale, String region)
            implements Serializable {
        static DistrictView of(District d) {
            return new DistrictView(
                    d.getId(),
                    d.getName(),
                    d.getState(),
                    d.getEnrollment(),
                    d.getBand().slug(),
                    d.getLocale().name(),
                    d.getRegion().name());
        }
    }

    /** The caller's district; {@code confirmed} is false until staff confirm that the caller speaks for it. */
    public record MyDistrict(
            Long id,
            String name,
            String state,
            Integer enrollment,
            String band,
            String locale,
            String region,
            boolean confirmed,
            String note)
            implements Serializable {}

    public record MemberView(
            long accountId,
            String displayName,
            String email,
            long districtId,
            String district,
            String state,
            boolean confirmed,
            OffsetDateTime requestedAt)
            implements Serializable {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    People people;

    @Inject
    Clock clock;

    public MyDistrict mine() {
        long accountId = caller.requireAccountId();
        DistrictMember member = em.find(DistrictMember.class, accountId);
        if (member == null) {
            return new MyDistrict(null, null, null, null, null, null, null, false, null);
        }
        return mine(member, em.find(District.class, member.getDistrictId()), null);
    }

    /**
     * Names the caller's district. A new district is created with the profile given; a confirmed member's own
     * district takes the new profile; joining a district that exists waits for staff, and leaves its profile alone.
     */
    public MyDistrict setMine(DistrictForm form) {
        long accountId = caller.requireMember("name a district for the survey");
        OffsetDateTime now = OffsetDateTime.now(clock);
        Profile profile = Profile.of(form);
        DistrictMember member = em.find(DistrictMember.class, accountId);
        District district = byName(profile.name(), profile.state()).orElse(null);
        String note = null;
        if (district == null) {
            district = new District(profile.name(), profile.state());
            district.describe(profile.enrollment(), profile.locale(), profile.region(), accountId, now);
            em.persist(district);
            em.flush();
            LOG.info("District " + district.getId() + " created by account " + accountId);
        } else if (member != null && member.isConfirmed() && member.getDistrictId() == district.getId()) {
            district.describe(profile.enrollment(), profile.locale(), profile.region(), accountId, now);
            LOG.info("District " + district.getId() + " profile edited by account " + accountId);
        } else {
            note = "This district is known already: its profile stays as its members set it.";
        }
        if (member == null) {
            member = new DistrictMember(accountId, district.getId(), now);
            em.persist(member);
        } else {
            member.moveTo(district.getId(), now);
        }
        if (!member.isConfirmed()) {
            LOG.info("Account " + accountId + " asks to speak for district " + district.getId());
            note = (note == null ? "" : note + " ") + "Staff will confirm that you speak for it.";
        }
        return mine(member, district, note);
    }

    /** Staff: accounts and their districts, those awaiting confirmation first. */
    public List<MemberView> members(boolean pendingOnly) {
        caller.require(Role.STAFF, "see who speaks for districts");
        List<Object[]> rows = em.createQuery(
                        "select m, d from DistrictMember m, District d where d.id = m.districtId"
                                + (pendingOnly ? " and m.confirmedAt is null" : "")
                                + " order by m.confirmedAt nulls first, m.requestedAt",
                        Object[].class)
                .setMaxResults(500)
                .getResultList();
        Map<Long, People.Person> named = people.byIds(rows.stream()
                .map(row -> ((DistrictMember) row[0]).getAccountId())
                .toList());
        return rows.stream()
                .map(row -> {
                    DistrictMember m = (DistrictMember) row[0];
                    District d = (District) row[1];
                    People.Person person = named.get(m.getAccountId());
                    return new MemberView(
                            m.getAccountId(),
                            person == null ? "(removed account)" : person.displayName(),
                            person == null ? null : person.email(),
                            d.getId(),
                            d.getName(),
                            d.getState(),
                            m.isConfirmed(),
                            m.getRequestedAt());
                })
                .toList();
    }

    /** Staff confirm that an account speaks for the district it named. */
    public MemberView confirm(long accountId) {
        long staffId = caller.require(Role.STAFF, "confirm district members");
        DistrictMember member = em.find(DistrictMember.class, accountId);
        if (member == null) {
            throw ProblemException.notFound("A district for account " + accountId);
        }
        if (!member.isConfirmed()) {
            member.confirm(staffId, OffsetDateTime.now(clock));
            LOG.info("Account " + accountId + " confirmed for district " + member.getDistrictId() + " by account "
                    + staffId);
        }
        return members(false).stream()
                .filter(m -> m.accountId() == accountId)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Staff take back that an account speaks for its district: from the next request on it can neither answer for the
     * district nor see its benchmark.
     */
    public void remove(long accountId) {
        long staffId = caller.require(Role.STAFF, "remove district members");
        DistrictMember member = em.find(DistrictMember.class, accountId);
        if (member == null) {
            throw ProblemException.notFound("A district for account " + accountId);
        }
        em.remove(member);
        LOG.info("Account " + accountId + " no longer speaks for district " + member.getDistrictId() + " (account "
                + staffId + ")");
    }

    /** Staff: districts whose name contains the words, by name. */
    public List<DistrictView> search(String words) {
        caller.require(Role.STAFF, "list districts");
        String pattern = "%"
                + Fields.optional(words == null ? "" : words, "q", 100)
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
        return em
                .createQuery(
                        "select d from District d where lower(d.name) like :p order by d.name, d.state", District.class)
                .setParameter("p", pattern)
                .setMaxResults(200)
                .getResultList()
                .stream()
                .map(DistrictView::of)
                .toList();
    }

    /** Staff edit a district's profile; surveys already closed keep the profile they froze. */
    public DistrictView update(long id, DistrictForm form) {
        long staffId = caller.require(Role.STAFF, "edit districts");
        District district = em.find(District.class, id);
        if (district == null) {
            throw ProblemException.notFound("District " + id);
        }
        Profile profile = Profile.of(form);
        byName(profile.name(), profile.state())
                .filter(other -> !other.getId().equals(district.getId()))
                .ifPresent(other -> {
                    throw ProblemException.conflict("Another district has this name in " + profile.state() + ".");
                });
        district.rename(profile.name(), profile.state());
        district.describe(profile.enrollment(), profile.locale(), profile.region(), staffId, OffsetDateTime.now(clock));
        LOG.info("District " + id + " edited by account " + staffId);
        return DistrictView.of(district);
    }

    /** The district an account speaks for, once confirmed. */
    public Optional<District> confirmedDistrictOf(long accountId) {
        DistrictMember member = em.find(DistrictMember.class, accountId);
        if (member == null || !member.isConfirmed()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(District.class, member.getDistrictId()));
    }

    /** The accounts confirmed for each of these districts. */
    public Map<Long, List<Long>> confirmedMembers(List<Long> districtIds) {
        if (districtIds.isEmpty()) {
            return Map.of();
        }
        return em
                .createQuery(
                        "select m from DistrictMember m where m.districtId in :ids and m.confirmedAt is not null",
                        DistrictMember.class)
                .setParameter("ids", districtIds)
                .getResultList()
                .stream()
                .collect(Collectors.groupingBy(
                        DistrictMember::getDistrictId,
                        Collectors.mapping(DistrictMember::getAccountId, Collectors.toList())));
    }

    private Optional<District> byName(String name, String state) {
        return em.createQuery("select d from District d where d.state = :s and lower(d.name) = :n", District.class)
                .setParameter("s", state)
                .setParameter("n", name.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    private static MyDistrict mine(DistrictMember member, District d, String note) {
        return new MyDistrict(
                d.getId(),
                d.getName(),
                d.getState(),
                d.getEnrollment(),
                d.getBand().slug(),
                d.getLocale().name(),
                d.getRegion().name(),
                member.isConfirmed(),
                note);
    }

    /** A district's profile as sent, checked. */
    record Profile(String name, String state, int enrollment, DistrictLocale locale, CensusRegion region) {
        static Profile of(DistrictForm form) {
            if (form == null) {
                throw ProblemException.badRequest(
                        "Send the district as JSON: {name, state, enrollment, locale, region}.");
            }
            String name = Fields.required(form.name(), "name", 200).strip();
            String state = Fields.required(form.state(), "state", 2).strip().toUpperCase(Locale.ROOT);
            if (!STATES.contains(state)) {
                throw ProblemException.badRequest("state must be a US state's two-letter code, such as OR.");
            }
            if (form.enrollment() == null) {
                throw ProblemException.badRequest("enrollment is required.");
            }
            if (form.enrollment() < 0 || form.enrollment() > 2_000_000) {
                throw ProblemException.badRequest("enrollment must be a number of students from 0 to 2,000,000.");
            }
            if (form.locale() == null || form.region() == null) {
                throw ProblemException.badRequest("locale and region are required.");
            }
            return new Profile(
                    name,
                    state,
                    form.enrollment(),
                    Fields.oneOf(DistrictLocale.class, form.locale(), null, "locale"),
                    Fields.oneOf(CensusRegion.class, form.region(), null, "region"));
        }
    }
}
