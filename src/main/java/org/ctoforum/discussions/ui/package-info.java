/** Discussion pages: the thread list, a thread with its replies, a new thread, and the staff's moderation pages. */
package org.ctoforum.discussions.ui;
