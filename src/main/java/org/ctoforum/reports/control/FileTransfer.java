package org.ctoforum.reports.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ctoforum.platform.web.HttpDates;
import org.ctoforum.platform.web.Validators;
import org.ctoforum.platform.web.Validators.Preconditions;

/**
 * How to answer one GET of a stored file: the status, the headers and the bytes, from the request's Range, If-Range,
 * If-None-Match and If-Modified-Since. Both the page and the API answer through it, so they behave alike. Copying uses one small
 * buffer, so a file of any size streams in constant memory.
 */
public record FileTransfer(int status, ByteRange range, long size, Map<String, String> headers) {

    private static final int BUFFER = 64 * 1024;

    /** What the file is: its strong ETag comes from its content hash, which never changes for a kept file. */
    public record StoredFile(Path path, String hash, long size, ZonedDateTime lastModified, String downloadName) {
        public String etag() {
            return "\"" + hash + "\"";
        }

        Validators validators() {
            return new Validators(etag(), lastModified.toInstant());
        }
    }

    public static FileTransfer plan(StoredFile file, String rangeHeader, String ifRange, Preconditions preconditions) {
        Validators validators = file.validators();
        Map<String, String> headers = new LinkedHashMap<>(validators.headers());
        headers.put("Accept-Ranges", "bytes");
        // Gated content: a shared cache must never keep it.
        headers.put("Cache-Control", "private, no-cache");
        if (validators.notModified(preconditions, Instant.now())) {
            return new FileTransfer(304, new ByteRange.Whole(), file.size(), headers);
        }
        ByteRange range = rangeHeader == null || ifRangeHolds(ifRange, file)
                ? ByteRange.parse(rangeHeader, file.size())
                : new ByteRange.Whole();
        headers.put("Content-Type", "application/pdf");
        headers.put("Content-Disposition", attachment(file.downloadName()));
        if (range instanceof ByteRange.Part part) {
            headers.put("Content-Length", Long.toString(part.length()));
            headers.put("Content-Range", "bytes " + part.label() + "/" + file.size());
            return new FileTransfer(206, part, file.size(), headers);
        }
        if (range instanceof ByteRange.Unsatisfiable) {
            headers.remove("Content-Disposition");
            headers.put("Content-Range", "bytes */" + file.size());
            return new FileTransfer(416, range, file.size(), headers);
        }
        headers.put("Content-Length", Long.toString(file.size()));
        return new FileTransfer(200, range, file.size(), headers);
    }

    /**
     * The headers that hand the bytes to nginx, which serves {@code location} from an internal location with
     * sendfile and answers a Range itself: so no length or range of ours goes with them.
     */
    public Map<String, String> handOffHeaders(String location) {
        Map<String, String> handed = new LinkedHashMap<>(headers);
        handed.remove("Content-Length");
        handed.remove("Content-Range");
        handed.put("X-Accel-Redirect", location);
        return handed;
    }

    public boolean hasBody() {
        return status == 200 || status == 206;
    }

    /** The byte range for the download log; null for the whole file. */
    public String rangeLabel() {
        return range instanceof ByteRange.Part part ? part.label() : null;
    }

    public long bytesAsked() {
        return range instanceof ByteRange.Part part ? part.length() : status == 200 ? size : 0;
    }

    /**
     * Copies the planned bytes and answers how many left; when the client goes away mid-way the count says how far
     * it got, and the IOException is not raised again (a dropped download is normal, not an error).
     */
    public long copy(Path path, OutputStream out) {
        long first = range instanceof ByteRange.Part part ? part.first() : 0;
        long remaining = bytesAsked();
        long sent = 0;
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = first;
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(BUFFER, remaining));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    break;
                }
                out.write(buffer.array(), 0, read);
                position += read;
                remaining -= read;
                sent += read;
            }
            out.flush();
        } catch (IOException clientGone) {
            return sent;
        }
        return sent;
    }

    /** RFC 7233 3.2: a strong ETag that matches exactly, or the exact Last-Modified date. */
    static boolean ifRangeHolds(String ifRange, StoredFile file) {
        if (ifRange == null || ifRange.isBlank()) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(file.etag());
        }
        return HttpDates.parse(value)
                .map(date -> date.equals(file.validators().lastModified()))
                .orElse(false);
    }

    /** RFC 6266: an ASCII fallback and the exact name in UTF-8; quotes and controls never get through. */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
