/**
 * Membership's entry points: sign-in and the authentication mechanism, accounts, password resets, API tokens, and
 * staff administration of members. Each is transactional and checks the caller itself.
 */
package org.ctoforum.membership.boundary;
