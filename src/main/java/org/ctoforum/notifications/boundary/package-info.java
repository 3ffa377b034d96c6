/** Notifying accounts in the app and by mail, immediately or in a daily digest, with signed unsubscribe links. */
package org.ctoforum.notifications.boundary;
