package org.ctoforum.surveys.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The four US Census regions, each with the states (two-letter codes, DC in the South) it groups. */
public enum CensusRegion {
    NORTHEAST("Northeast", Set.of("CT", "ME", "MA", "NH", "NJ", "NY", "PA", "RI", "VT")),
    MIDWEST("Midwest", Set.of("IL", "IN", "IA", "KS", "MI", "MN", "MO", "NE", "ND", "OH", "SD", "WI")),
    SOUTH(
            "South",
            Set.of(
                    "AL", "AR", "DE", "DC", "FL", "GA", "KY", "LA", "MD", "MS", "NC", "OK", "SC", "TN", "TX", "VA",
                    "WV")),
    WEST("West", Set.of("AK", "AZ", "CA", "CO", "HI", "ID", "MT", "NV", "NM", "OR", "UT", "WA", "WY"));

    private final String label;
    private final Set<String> states;

    CensusRegion(String label, Set<String> states) {
        this.label = label;
        this.states = states;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public Set<String> states() {
        return states;
    }

    public static Optional<CensusRegion> bySlug(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug().equals(slug)).findFirst();
    }

    /** The region of a state, so a district's region follows from its address. */
    public static Optional<CensusRegion> ofState(String state) {
        return Arrays.stream(values()).filter(r -> r.states.contains(state)).findFirst();
    }
}
