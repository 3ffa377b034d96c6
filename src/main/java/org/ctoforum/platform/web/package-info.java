/** The web layer shared by all pages: security headers and the session cookie. */
package org.ctoforum.platform.web;
