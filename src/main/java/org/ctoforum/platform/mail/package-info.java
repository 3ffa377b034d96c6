/** Outgoing mail: an outbox table written in the business transaction, and a job that delivers and retries. */
package org.ctoforum.platform.mail;
