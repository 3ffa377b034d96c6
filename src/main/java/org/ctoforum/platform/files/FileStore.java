package org.ctoforum.platform.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.settings.Settings;

/**
 * Files kept by their SHA-256 under {@code <data dir>/files/ab/abcdef…}. A name a user gave never becomes part of a
 * path, the same content is kept once, and a kept file never changes, so its hash is also a strong ETag.
 */
@ApplicationScoped
public class FileStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    @Inject
    Settings settings;

    /** A file received but not yet kept: it lives in a temporary file until {@link #keep} or {@link #close}. */
    public static final class Upload implements AutoCloseable {
        private final Path temporary;
        private final long size;
        private final String hash;

        Upload(Path temporary, long size, String hash) {
            this.temporary = temporary;
            this.size = size;
            this.hash = hash;
        }

        public Path path() {
            return temporary;
        }

        public long size() {
            return size;
        }

        public String hash() {
            return hash;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Copies the stream into a temporary file, hashing it on the way; more than {@code maxBytes} is a 413. */
    public Upload receive(InputStream in, long maxBytes) {
        Path temporary = null;
        try {
            Files.createDirectories(incoming());
            temporary = Files.createTempFile(incoming(), "upload-", ".part");
            MessageDigest sha256 = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                byte[] buffer = new byte[BUFFER];
                for (int read; (read = in.read(buffer)) != -1; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw ProblemException.tooLarge("The file is larger than the limit of " + megabytes(maxBytes)
                                + " (portal.reports.upload-max-bytes).");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new Upload(temporary, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("The upload could not be received", (IOException) e);
        }
    }

    /** Moves an upload to its place by hash and answers the hash; content already kept is not written twice. */
    public String keep(Upload upload) {
        Path target = path(upload.hash());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                upload.close();
            } else {
                move(upload.path(), target);
            }
            return upload.hash();
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be kept", e);
        }
    }

    /** Keeps a small file made by the portal itself, such as a cover image. */
    public String keep(byte[] content) {
        String hash = HexFormat.of().formatHex(sha256().digest(content));
        Path target = path(hash);
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), "new-", ".part");
                Files.write(temporary, content);
                move(temporary, target);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("The file could not be kept", e);
        }
    }

    /** Where the file with this hash lives; the hash is checked, so nothing else can be named. */
    public Path path(String hash) {
        if (hash == null || !HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 hash: " + hash);
        }
        return root().resolve(hash.substring(0, 2)).resolve(hash);
    }

    private Path root() {
        return settings.filesDir();
    }

    private Path incoming() {
        return root().resolve("incoming");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // the temporary folder is cleaned on the next failure or by the operator
            }
        }
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }
}
