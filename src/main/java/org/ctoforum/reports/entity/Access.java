package org.ctoforum.reports.entity;

/** Who may download a report, besides staff and the people granted a copy. */
public enum Access {
    PUBLIC("Free for everyone"),
    MEMBERS("Members only"),
    MEMBERS_OR_PURCHASE("Members, or buy a copy");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
