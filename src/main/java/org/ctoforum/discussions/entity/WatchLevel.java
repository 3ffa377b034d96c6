package org.ctoforum.discussions.entity;

/**
 * How closely a member follows a thread or category. Watching notifies of every post; tracking notifies only of
 * replies to you and mentions; muted notifies of nothing. Without a choice, a member tracks.
 */
public enum WatchLevel {
    WATCHING,
    TRACKING,
    MUTED
}
