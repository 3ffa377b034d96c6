/** The web layer shared by all pages: security headers, the session cookie, and forms sent after their view expired. */
package org.ctoforum.platform.web;
