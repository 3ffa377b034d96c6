package org.ctoforum.platform.text;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs made from titles: lower-case ASCII letters, digits and single hyphens. */
public final class Slugs {

    private Slugs() {}

    public static String of(String title, int maxLength) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > maxLength) {
            slug = slug.substring(0, maxLength).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    public static boolean valid(String slug, int maxLength) {
        return slug != null && slug.length() <= maxLength && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
