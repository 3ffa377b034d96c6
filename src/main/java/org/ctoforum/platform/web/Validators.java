package org.ctoforum.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ctoforum.platform.security.Secrets;

/**
 * The validators of one representation (RFC 9110 §8.8): a strong ETag, and a Last-Modified when the content's latest
 * change is known (null otherwise). They decide a conditional GET (§13.2.2): If-None-Match when the request has
 * one; only without it If-Modified-Since, on GET and HEAD, with a valid date that is not in the future.
 */
public record Validators(String etag, Instant lastModified) {

    public Validators {
        lastModified = lastModified == null ? null : HttpDates.toSeconds(lastModified);
    }

    /** A strong ETag from the bytes that go out, so equal bytes always carry the same tag. */
    public static Validators of(String body, Instant lastModified) {
        return new Validators("\"" + Secrets.sha256(body) + "\"", lastModified);
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        if (lastModified != null) {
            headers.put("Last-Modified", HttpDates.format(lastModified));
        }
        return headers;
    }

    /** What a request asks of the client's copy. */
    public record Preconditions(String method, String ifNoneMatch, String ifModifiedSince) {
        public static Preconditions of(HttpServletRequest request) {
            return new Preconditions(
                    request.getMethod(), request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"));
        }
    }

    /** Whether the client's copy is current, so the answer is 304 with no body. */
    public boolean notModified(Preconditions asked, Instant now) {
        if (!asked.method().equals("GET") && !asked.method().equals("HEAD")) {
            return false;
        }
        if (asked.ifNoneMatch() != null) {
            return matchesAny(asked.ifNoneMatch());
        }
        if (lastModified == null) {
            return false;
        }
        return HttpDates.parse(asked.ifModifiedSince())
                .filter(since -> !since.isAfter(now))
                .map(since -> !lastModified.isAfter(since))
                .orElse(false);
    }

    public boolean notModified(HttpServletRequest request) {
        return notModified(Preconditions.of(request), Instant.now());
    }

    /**
     * Sets the validators on a servlet's answer and, when the client's copy is current, makes it a 304: then the
     * caller writes no body.
     */
    public boolean answeredNotModified(HttpServletRequest request, HttpServletResponse response) {
        headers().forEach(response::setHeader);
        if (notModified(request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** Weak comparison (§8.8.3.2), as If-None-Match asks: the opaque tags are equal, W/ or not. */
    private boolean matchesAny(String ifNoneMatch) {
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
