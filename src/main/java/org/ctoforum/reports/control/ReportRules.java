package org.ctoforum.reports.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.ctoforum.reports.entity.Access;
import org.ctoforum.reports.entity.Report;

/** Who may see a report and who may download it: the one place these rules live. */
public final class ReportRules {

    /** The person asking, by what counts for reports. An expired membership is not a member. */
    public record Reader(Long accountId, boolean member, boolean press, boolean staff) {
        public static Reader anonymous() {
            return new Reader(null, false, false, false);
        }

        public boolean signedIn() {
            return accountId != null;
        }
    }

    /** The ways a reader without the right can get it. */
    public enum Way {
        SIGN_IN,
        JOIN,
        BUY,
        PRESS_COPY
    }

    private ReportRules() {}

    /** Staff see every report; everyone else sees a report once it is released. */
    public static boolean canSee(Report report, Reader reader, OffsetDateTime now) {
        return reader.staff() || report.releasedBy(now);
    }

    /** The file and the gated text: staff, anyone for public reports, members for members' reports, and grantees. */
    public static boolean canRead(Report report, Reader reader, boolean granted) {
        if (reader.staff() || report.getAccess() == Access.PUBLIC) {
            return true;
        }
        return reader.member() || (granted && reader.signedIn());
    }

    public static List<Way> waysIn(Report report, Reader reader) {
        List<Way> ways = new ArrayList<>();
        if (!reader.signedIn()) {
            ways.add(Way.SIGN_IN);
        }
        ways.add(Way.JOIN);
        if (report.getAccess() == Access.MEMBERS_OR_PURCHASE) {
            ways.add(Way.BUY);
        }
        if (reader.press() || !reader.signedIn()) {
            ways.add(Way.PRESS_COPY);
        }
        return ways;
    }
}
