package org.ctoforum.surveys.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four US Census regions. */
public enum CensusRegion {
    NORTHEAST("Northeast"),
    MIDWEST("Midwest"),
    SOUTH("South"),
    WEST("West");

    private final String label;

    CensusRegion(String label) {
        this.label = label;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<CensusRegion> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug().equals(slug)).findFirst();
    }
}
