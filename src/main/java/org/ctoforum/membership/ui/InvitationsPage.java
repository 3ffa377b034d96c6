package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.ctoforum.membership.boundary.Invitations;
import org.ctoforum.platform.web.PageMessages;

/** Staff's invitations: invite one address with roles and a membership period, and resend or revoke. */
@Named
@RequestScoped
public class InvitationsPage {

    @Inject
    Invitations invitations;

    private String email;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private String membershipStart;
    private String membershipExpiry;
    private String status;
    private List<Invitations.InvitationView> list;

    public void invite() {
        LocalDate start;
        LocalDate expiry;
        try {
            start = blank(membershipStart) ? null : LocalDate.parse(membershipStart.strip());
            expiry = blank(membershipExpiry) ? null : LocalDate.parse(membershipExpiry.strip());
        } catch (DateTimeParseException e) {
            PageMessages.error("Write membership dates as YYYY-MM-DD.");
            return;
        }
        if (start == null && expiry != null) {
            PageMessages.error("A membership needs a start date.");
            return;
        }
        Invitations.MembershipPeriod period = start == null ? null : new Invitations.MembershipPeriod(start, expiry);
        if (PageMessages.attempt(() -> invitations.invite(
                new Invitations.InvitationForm(email, displayName, new LinkedHashSet<>(roles), period)))) {
            PageMessages.info("Invitation sent to " + email.strip() + ".");
            email = displayName = membershipStart = membershipExpiry = null;
            roles = new ArrayList<>();
            list = null;
        }
    }

    public void resend(long id) {
        if (PageMessages.attempt(() -> invitations.resend(id))) {
            PageMessages.info("Invitation sent again, with a new link.");
            list = null;
        }
    }

    public void revoke(long id) {
        if (PageMessages.attempt(() -> invitations.revoke(id))) {
            PageMessages.info("Invitation revoked; its link no longer works.");
            list = null;
        }
    }

    public List<Invitations.InvitationView> getList() {
        if (list == null) {
            list = invitations.list(status);
        }
        return list;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getMembershipStart() {
        return membershipStart;
    }

    public void setMembershipStart(String membershipStart) {
        this.membershipStart = membershipStart;
    }

    public String getMembershipExpiry() {
        return membershipExpiry;
    }

    public void setMembershipExpiry(String membershipExpiry) {
        this.membershipExpiry = membershipExpiry;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
