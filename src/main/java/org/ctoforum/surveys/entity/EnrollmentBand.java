package org.ctoforum.surveys.entity;

import java.util.Arrays;
import java.util.Optional;

/** The enrollment bands peers are grouped by; the slug is how a peer group names the band. */
public enum EnrollmentBand {
    UNDER_2500("under-2500", "Under 2,500 students", 0),
    FROM_2500("2500-9999", "2,500 to 9,999 students", 2_500),
    FROM_10000("10000-49999", "10,000 to 49,999 students", 10_000),
    FROM_50000("50000-plus", "50,000 students and over", 50_000);

    private final String slug;
    private final String label;
    private final int from;

    EnrollmentBand(String slug, String label, int from) {
        this.slug = slug;
        this.label = label;
        this.from = from;
    }

    public String slug() {
        return slug;
    }

    public String label() {
        return label;
    }

    public static EnrollmentBand of(int enrollment) {
        EnrollmentBand band = UNDER_2500;
        for (EnrollmentBand candidate : values()) {
            if (enrollment >= candidate.from) {
                band = candidate;
            }
        }
        return band;
    }

    public static Optional<EnrollmentBand> bySlug(String slug) {
        return Arrays.stream(values()).filter(b -> b.slug.equals(slug)).findFirst();
    }
}
