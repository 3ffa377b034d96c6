/** Forum editions, rooms, sessions, registrations with waitlists, personal agendas and calendar feeds. */
package org.ctoforum.forums.entity;
