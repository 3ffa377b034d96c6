/** Procedures of membership: password hashing and policy, secrets, the sign-in throttle and the member CSV. */
package org.ctoforum.membership.control;
