package org.ctoforum.reports.entity;

public enum ReportKind {
    FORUM_REPORT("Forum report"),
    TREND_REPORT("Trend report"),
    SURVEY_REPORT("Survey report"),
    BRIEF("Brief");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
