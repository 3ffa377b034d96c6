package org.ctoforum.membership.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.ctoforum.platform.security.Role;
import org.junit.jupiter.api.Test;

class MemberCsvTest {

    @Test
    void readsGoodRowsAndReportsBadOnesByRowNumber() {
        List<MemberCsv.Row> rows = MemberCsv.read(
                """
                email,display_name,district,job_title,roles,membership_start,membership_expiry
                Dana.Okafor@Northfield.example,Dana Okafor,Northfield,CIO,,2026-01-01,2026-12-31
                not-an-address,Someone,,,,,
                lee@mesa.example,,Mesa,,,,
                kim@summit.example,Kim,Summit,CTO,PRESS;janitor,,
                pat@valley.example,Pat,Valley,CTO,,2026-13-01,
                sam@valley.example,Sam,Valley,CTO,,2026-05-01,2026-04-01
                quinn@x.example,"Quinn, Jr.",Valley,CTO,,,
                """);
        assertEquals(7, rows.size());
        MemberCsv.Row first = rows.get(0);
        assertEquals(2, first.number());
        assertNull(first.error());
        assertEquals("dana.okafor@northfield.example", first.member().email().value());
        assertEquals(LocalDate.of(2026, 12, 31), first.member().membershipExpiry());
        assertTrue(
                rows.get(1).error().contains("not an email address"),
                rows.get(1).error());
        assertEquals(3, rows.get(1).number());
        assertTrue(rows.get(2).error().contains("display_name is empty"));
        assertTrue(rows.get(3).error().contains("roles may be"));
        assertTrue(rows.get(4).error().contains("2026-13-01"));
        assertTrue(rows.get(5).error().contains("before membership_start"));
        assertEquals(8, rows.get(6).number());
        assertEquals("Quinn, Jr.", rows.get(6).member().displayName());
    }

    @Test
    void takesRolesSeparatedBySemicolonsOrSpaces() {
        List<MemberCsv.Row> rows = MemberCsv.read("email,display_name,roles\na@b.example,A,press staff\n");
        assertEquals(Set.of(Role.PRESS, Role.STAFF), rows.get(0).member().roles());
    }

    @Test
    void brokenQuotingRefusesTheFileNamingTheLine() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> MemberCsv.read("email,display_name\na@b.example,A\n\"b\"x@c.example,B\n"));
        assertTrue(e.getMessage().contains("line: 3"), e.getMessage());
    }

    @Test
    void refusesAFileWithoutTheRequiredHeader() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MemberCsv.read("mail,name\na@b.example,A\n"));
        assertTrue(e.getMessage().contains("email and display_name"), e.getMessage());
    }
}
