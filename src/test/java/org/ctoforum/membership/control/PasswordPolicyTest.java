package org.ctoforum.membership.control;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortPasswordsWithTheReason() {
        assertTrue(policy.problemWith("Ab1!xyz", "a@b.org").contains("at least 8"));
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertTrue(policy.problemWith("password1", "a@b.org").contains("commonly used"));
        assertTrue(policy.problemWith("PASSWORD1", "a@b.org").contains("commonly used"));
        assertTrue(policy.problemWith("12345678", "a@b.org").contains("commonly used"));
    }

    @Test
    void refusesTheOwnEmail() {
        assertTrue(policy.problemWith("dana.okafor@northfield.example", "dana.okafor@northfield.example")
                .contains("email"));
    }

    @Test
    void refusesEmptyAndOverlongPasswords() {
        assertTrue(policy.problemWith("", "a@b.org").contains("Choose"));
        assertTrue(policy.problemWith("x".repeat(129), "a@b.org").contains("at most 128"));
    }

    @Test
    void acceptsAPassphraseInAnyScript() {
        assertNull(policy.problemWith("correct horse battery staple", "a@b.org"));
        assertNull(policy.problemWith("ключ от школы 42", "a@b.org"));
    }
}
