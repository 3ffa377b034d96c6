package org.ctoforum.reports.entity;

/** The three themes of the yearly trend reports. */
public enum Theme {
    HURDLES("Hurdles", "What slows schools down"),
    ACCELERATORS("Accelerators", "What speeds change up"),
    TECH_ENABLERS("Tech Enablers", "The tools that make it possible");

    private final String label;
    private final String tagline;

    Theme(String label, String tagline) {
        this.label = label;
        this.tagline = tagline;
    }

    public String label() {
        return label;
    }

    public String tagline() {
        return tagline;
    }
}
