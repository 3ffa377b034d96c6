package org.ctoforum.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack corpus of src/test/resources/xss/payloads.txt: OWASP's XSS Filter Evasion Cheat Sheet, the OWASP Java
 * HTML Sanitizer's own test vectors, and Markdown ones. The file's head explains its format.
 */
public final class XssPayloads {

    private XssPayloads() {}

    public static List<String> all() {
        try (InputStream in = XssPayloads.class.getResourceAsStream("/xss/payloads.txt")) {
            List<String> payloads = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("# ")) {
                    continue;
                }
                payloads.add(unescape(line));
            }
            return payloads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The payloads packed into strings of at most {@code maxLength} characters, separated by a space, for fields too
     * short to take one each; payloads longer than a field are left out.
     */
    public static List<String> packed(List<String> payloads, int maxLength) {
        List<String> packed = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String payload : payloads) {
            if (payload.length() > maxLength) {
                continue;
            }
            if (current.length() > 0 && current.length() + 1 + payload.length() > maxLength) {
                packed.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(payload);
        }
        if (current.length() > 0) {
            packed.add(current.toString());
        }
        return packed;
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(
                        switch (next) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
