/** Rules of discussions that need no database: attribution under the Chatham House rule, mentions, tags, quotes. */
package org.ctoforum.discussions.control;
