package org.ctoforum.platform.security;

/**
 * An owner took their account back: a password reset, or "sign out everywhere" with a new password. Fired in the
 * transaction that did it; each feature revokes what it handed to the account (the forums, its calendar address).
 * Sessions, API tokens and signed links end by the account's credential epoch.
 */
public record SignedOutEverywhere(long accountId) {}
