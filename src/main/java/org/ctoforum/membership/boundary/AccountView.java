package org.ctoforum.membership.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.ctoforum.membership.entity.Account;
import org.ctoforum.platform.security.Role;

/** An account as the API and pages show it. {@code roles} are those in effect today; {@code grantedRoles} as set. */
public record AccountView(
        long id,
        String email,
        String displayName,
        String handle,
        String district,
        String jobTitle,
        Set<String> roles,
        Set<String> grantedRoles,
        LocalDate membershipStart,
        LocalDate membershipExpiry,
        boolean member,
        boolean disabled,
        boolean passwordSet,
        boolean emailConfirmed)
        implements Serializable {

    static AccountView of(Account account, LocalDate today) {
        Set<Role> effective = account.effectiveRoles(today);
        return new AccountView(
                account.getId(),
                account.getEmail(),
                account.getDisplayName(),
                account.getHandle(),
                account.getDistrict(),
                account.getJobTitle(),
                names(effective),
                names(account.getRoles()),
                account.getMembership() == null ? null : account.getMembership().getStart(),
                account.getMembership() == null ? null : account.getMembership().getExpiry(),
                effective.contains(Role.MEMBER),
                account.isDisabled(),
                account.getPasswordHash() != null,
                account.isEmailConfirmed());
    }

    /** The roles in effect, for a table cell. */
    public String rolesText() {
        return String.join(", ", roles);
    }

    private static Set<String> names(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.name()));
        return names;
    }
}
