package org.ctoforum.membership.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ctoforum.membership.boundary.AccountView;
import org.ctoforum.membership.boundary.Accounts;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;

/** The signed-in person as the page template shows them: name, and which menus apply. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    private AccountView account;

    /** Signed in, the address confirmed or not: the header shows the account and the way out. */
    public boolean isSignedIn() {
        return caller.anyAccountId().isPresent();
    }

    public boolean isStaff() {
        return caller.is(Role.STAFF);
    }

    public boolean isAdmin() {
        return caller.is(Role.ADMIN);
    }

    public boolean isMember() {
        return caller.is(Role.MEMBER);
    }

    /** Signed in, with an address that awaits confirmation. */
    public boolean isUnconfirmed() {
        return caller.anyAccountId().isPresent() && !caller.confirmed();
    }

    public String getDisplayName() {
        return account() == null ? "" : account().displayName();
    }

    public AccountView account() {
        if (account == null && isSignedIn()) {
            account = accounts.me();
        }
        return account;
    }
}
