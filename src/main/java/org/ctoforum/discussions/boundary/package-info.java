/**
 * Discussions: categories, threads and posts, moderation, watches and unread marks, with the REST resource and the
 * demo seed. Every read is checked against the category's visibility and the post's state, object by object.
 */
package org.ctoforum.discussions.boundary;
