package org.ctoforum.reports.boundary;

/** A report became visible to readers: published now, or its scheduled moment came. */
public record ReportReleased(long reportId) {}
