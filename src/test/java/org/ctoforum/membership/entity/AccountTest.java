package org.ctoforum.membership.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.ctoforum.platform.security.Role;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Account account() {
        Account account = unconfirmed();
        account.confirmEmail(OffsetDateTime.now());
        return account;
    }

    private static Account unconfirmed() {
        return new Account(
                EmailAddress.parse("Maria@Riverbend.example"), "Maria", "Riverbend", "CTO", OffsetDateTime.now());
    }

    @Test
    void anUnconfirmedAddressHoldsNoRoleUntilItIsProved() {
        Account account = unconfirmed();
        account.assignRoles(EnumSet.of(Role.PRESS));
        account.grantMembership(new Membership(LocalDate.of(2026, 1, 1), null));
        assertEquals(Set.of(), account.effectiveRoles(LocalDate.of(2026, 6, 1)));
        account.confirmEmail(OffsetDateTime.now());
        assertEquals(EnumSet.of(Role.PRESS, Role.MEMBER), account.effectiveRoles(LocalDate.of(2026, 6, 1)));
    }

    @Test
    void aNewAccountIsARegisteredNonMember() {
        Account account = account();
        assertEquals("maria@riverbend.example", account.getEmail());
        assertEquals(Set.of(), account.effectiveRoles(TODAY));
        assertFalse(account.canSignIn(), "no password chosen yet");
    }

    @Test
    void aProfileUpdateSaysWhetherTheNameChanged() {
        Account account = account();
        assertFalse(account.updateProfile(" Maria ", "Lakeside", "CIO"), "the same name, stripped");
        assertEquals("Lakeside", account.getDistrict());
        assertTrue(account.updateProfile("Maria Lopez", "Lakeside", "CIO"));
        assertEquals("Maria Lopez", account.getDisplayName());
    }

    @Test
    void membershipCountsOnlyWithinItsPeriod() {
        Account account = account();
        account.grantMembership(new Membership(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 23)));
        assertTrue(account.isMemberOn(TODAY), "the expiry day still counts");
        assertFalse(account.isMemberOn(TODAY.plusDays(1)), "an expired member is a non-member");
        assertFalse(account.isMemberOn(LocalDate.of(2024, 12, 31)), "not before it starts");
    }

    @Test
    void assigningRolesKeepsMembershipAndEndingMembershipDropsIt() {
        Account account = account();
        account.grantMembership(new Membership(LocalDate.of(2025, 1, 1), null));
        account.assignRoles(EnumSet.of(Role.STAFF));
        assertEquals(EnumSet.of(Role.STAFF, Role.MEMBER), account.effectiveRoles(TODAY));
        account.endMembership();
        assertEquals(EnumSet.of(Role.STAFF), account.effectiveRoles(TODAY));
        assertNull(account.getMembership());
    }

    @Test
    void assigningMemberDirectlyDoesNotMakeAMember() {
        Account account = account();
        account.assignRoles(EnumSet.of(Role.MEMBER, Role.PRESS));
        assertEquals(EnumSet.of(Role.PRESS), account.effectiveRoles(TODAY));
    }

    @Test
    void aDisabledAccountHasNoRolesAndCannotSignIn() {
        Account account = account();
        account.choosePassword("pbkdf2-sha256$600000$x$y");
        account.assignRoles(EnumSet.of(Role.ADMIN));
        account.disable();
        assertEquals(Set.of(), account.effectiveRoles(TODAY));
        assertFalse(account.canSignIn());
        account.enable();
        assertTrue(account.canSignIn());
    }

    @Test
    void aMembershipCannotEndBeforeItStarts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Membership(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30)));
    }

    @Test
    void emailAddressesAreNormalizedOrRefused() {
        assertEquals("a.b@c.example", EmailAddress.parse("  A.B@C.Example ").value());
        assertNull(EmailAddress.parse("no-at-sign"));
        assertNull(EmailAddress.parse("two@@c.example"));
        assertNull(EmailAddress.parse("nodot@localhost"));
        assertNull(EmailAddress.parse(null));
    }
}
