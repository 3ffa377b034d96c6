package org.ctoforum.reports.control;

import org.ctoforum.platform.problem.ProblemException;

/**
 * Checks the name an upload arrived with. The name is never used as a path (files are kept by hash), but a name
 * with a path or control characters in it is a sign of a broken or hostile client, so it is refused outright.
 */
public final class UploadNames {

    private UploadNames() {}

    public static void check(String name) {
        // No name at all is fine: the report's slug names the download. Blank is not empty: "\u001c" is blank.
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() > 200) {
            throw refused("The file name is longer than 200 characters.");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw refused("The file name '" + printable(name) + "' contains a path. Name the file without folders"
                    + " or '..'.");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x7f)) {
            throw refused("The file name contains control characters.");
        }
        // Right-to-left overrides and zero-width characters make a name read as something it is not.
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
            throw refused("The file name contains invisible formatting characters.");
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static ProblemException refused(String detail) {
        return ProblemException.badRequest(detail);
    }
}
