/** Accounts, their roles and membership, tokens, reset links and sign-in attempts, with the rules that govern them. */
package org.ctoforum.membership.entity;
