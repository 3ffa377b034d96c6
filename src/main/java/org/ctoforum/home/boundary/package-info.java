/**
 * The home page: what is new across the portal for everyone, what concerns a signed-in member, and what waits for
 * staff. It owns no table; every card reads through the boundary of the feature it shows.
 */
package org.ctoforum.home.boundary;
