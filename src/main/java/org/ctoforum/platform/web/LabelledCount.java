package org.ctoforum.platform.web;

/**
 * One count of a named thing under a label, such as a report's downloads in a month. Rows of these make a chart's
 * series; features return them so that a chart need not read their tables.
 */
public record LabelledCount(long id, String name, String label, long count) {

    /** From a native query's row of (id, name, label, count). */
    public static LabelledCount of(Object row) {
        Object[] columns = (Object[]) row;
        return new LabelledCount(
                ((Number) columns[0]).longValue(),
                (String) columns[1],
                (String) columns[2],
                ((Number) columns[3]).longValue());
    }
}
