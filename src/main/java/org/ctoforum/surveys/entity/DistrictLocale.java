package org.ctoforum.surveys.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a district lies, by the NCES locale families. */
public enum DistrictLocale {
    CITY("City"),
    SUBURBAN("Suburban"),
    TOWN("Town"),
    RURAL("Rural");

    private final String label;

    DistrictLocale(String label) {
        this.label = label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<DistrictLocale> bySlug(String slug) {
        return Arrays.stream(values()).filter(l -> l.slug().equals(slug)).findFirst();
    }
}
