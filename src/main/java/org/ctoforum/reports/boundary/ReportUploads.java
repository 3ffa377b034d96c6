package org.ctoforum.reports.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.ctoforum.platform.files.FileStore;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.reports.boundary.Reports.ReceivedPdf;
import org.ctoforum.reports.control.PdfInspector;
import org.ctoforum.reports.control.UploadNames;

/**
 * Turns the parts of a multipart upload into a checked PDF and its JSON metadata. The file goes to disk as it
 * arrives, so a large upload never sits in memory, and it is rejected before anything is stored if it is not a PDF
 * the portal can serve.
 */
@ApplicationScoped
public class ReportUploads {

    private static final int MAX_JSON_BYTES = 64 * 1024;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    FileStore files;

    @Inject
    Settings settings;

    /** A 413 before reading anything, when the client already says the body is too big. */
    public void checkDeclaredLength(Long contentLength) {
        long max = maxBytes();
        if (contentLength != null && contentLength > max + MAX_JSON_BYTES + 16 * 1024) {
            throw tooLarge(max);
        }
    }

    public Optional<EntityPart> part(List<EntityPart> parts, String name) {
        return parts == null
                ? Optional.empty()
                : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
    }

    public <T> T json(EntityPart part, Class<T> type) {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw ProblemException.tooLarge("The '" + part.getName() + "' part is larger than 64 KB.");
            }
            T value = JSONB.fromJson(new String(bytes, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw ProblemException.badRequest("The '" + part.getName() + "' part is empty.");
            }
            return value;
        } catch (JsonbException malformed) {
            throw ProblemException.badRequest("The '" + part.getName() + "' part is not valid JSON of the expected"
                    + " shape: " + malformed.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(EntityPart part, int max) {
        try (InputStream in = part.getContent()) {
            byte[] bytes = in.readNBytes(max * 4 + 1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Receives and inspects the file; the caller closes the upload, which deletes it unless it was kept. */
    public ReceivedPdf pdf(EntityPart part) {
        UploadNames.check(part.getFileName().orElse(null));
        try (InputStream in = part.getContent()) {
            return pdf(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReceivedPdf pdf(InputStream in) {
        FileStore.Upload upload = files.receive(in, maxBytes());
        try {
            return new ReceivedPdf(upload, PdfInspector.inspect(upload.path()));
        } catch (RuntimeException rejected) {
            upload.close();
            throw rejected;
        }
    }

    public long maxBytes() {
        return settings.number(PortalSetting.REPORT_UPLOAD_MAX_BYTES);
    }

    private static ProblemException tooLarge(long max) {
        return ProblemException.tooLarge("The upload is larger than the limit of " + max / (1024 * 1024)
                + " MB (portal.reports.upload-max-bytes).");
    }
}
