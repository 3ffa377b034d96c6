/** Membership pages: sign-in, sign-up, password reset, profile and tokens, and staff's member list. */
package org.ctoforum.membership.ui;
