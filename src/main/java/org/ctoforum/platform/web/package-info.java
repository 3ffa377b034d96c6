/**
 * The web layer shared by all pages: security headers, the session cookie and the other cookies' attributes, and
 * forms that cannot be restored.
 */
package org.ctoforum.platform.web;
