package org.ctoforum.notifications.entity;

/** How an account wants its notifications mailed. Without a choice: immediately. */
public enum MailChoice {
    IMMEDIATE,
    DIGEST,
    NONE
}
