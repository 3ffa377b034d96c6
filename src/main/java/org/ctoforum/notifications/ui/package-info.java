/** The bell in the top bar, the notifications page, and the unsubscribe page that mail links open. */
package org.ctoforum.notifications.ui;
