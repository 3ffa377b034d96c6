/** Discussion categories, threads, posts with their revisions and flags, watches, read marks and the moderation log. */
package org.ctoforum.discussions.entity;
