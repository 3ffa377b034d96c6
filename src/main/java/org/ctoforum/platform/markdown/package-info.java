/** Markdown written by users, rendered and sanitized for display. */
package org.ctoforum.platform.markdown;
