package org.ctoforum.forums.boundary;

import java.io.Serializable;

/** A member's place: REGISTERED, or WAITLISTED at {@code position} (1 is next in line). */
public record RegistrationView(long editionId, Long sessionId, String status, Integer position)
        implements Serializable {}
