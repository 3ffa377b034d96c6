package org.ctoforum.membership.boundary;

import java.util.Set;
import java.util.TreeSet;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.platform.security.Role;

/** Who signed in: the account and the roles in effect today. */
public record Identity(long accountId, String email, String displayName, Set<String> roles, boolean confirmed) {

    static Identity of(Account account, Set<Role> effectiveRoles) {
        Set<String> names = new TreeSet<>();
        effectiveRoles.forEach(role -> names.add(role.name()));
        return new Identity(
                account.getId(),
                account.getEmail(),
                account.getDisplayName(),
                Set.copyOf(names),
                account.isEmailConfirmed());
    }
}
