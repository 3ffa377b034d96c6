package org.ctoforum.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/**
 * JSON bodies are read whole into memory, so they get a ceiling: 1 MiB, far above the largest legitimate one (a post
 * is at most 64 KiB, a library entry 100,000 characters). A declared length over it is refused before a byte is
 * read; a chunked body, as soon as it passes it. Uploads and CSV imports stream and have limits of their own.
 */
@Provider
@Priority(Priorities.ENTITY_CODER) // after the AccessGate: nobody's body is read before they are known
public class JsonBodyLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || !request.hasEntity()) {
            return;
        }
        int declared = request.getLength();
        byte[] body = BoundedBody.read(request.getEntityStream(), declared < 0 ? null : (long) declared, MAX_BYTES);
        request.setEntityStream(new ByteArrayInputStream(body));
    }
}
