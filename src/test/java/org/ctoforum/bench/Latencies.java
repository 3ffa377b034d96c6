package org.ctoforum.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Response times kept in an HdrHistogram, so tail percentiles are exact to 3 digits without storing every sample. */
public final class Latencies {

    private static final double MICROS_PER_MILLI = 1000.0;

    // Microseconds, 3 significant digits; the range grows with the largest value recorded.
    private final Histogram micros = new Histogram(3);

    /** Records one response time; safe to call from many load threads at once. */
    public synchronized void record(long nanos) {
        micros.recordValue(Math.max(0, nanos / 1000));
    }

    /** The time in ms under which {@code percentile} percent (0 to 100) of the samples fall. */
    public synchronized double p(double percentile) {
        return micros.getValueAtPercentile(percentile) / MICROS_PER_MILLI;
    }

    public synchronized long count() {
        return micros.getTotalCount();
    }

    /** The slowest sample, in ms. */
    public synchronized double max() {
        return micros.getMaxValue() / MICROS_PER_MILLI;
    }

    /** The mean, in ms. */
    public synchronized double mean() {
        return micros.getMean() / MICROS_PER_MILLI;
    }

    /** p50, p95, p99, max and mean in ms (keys end in {@code _ms}) and the sample count, for a report. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("p50_ms", rounded(p(50)));
        figures.put("p95_ms", rounded(p(95)));
        figures.put("p99_ms", rounded(p(99)));
        figures.put("max_ms", rounded(max()));
        figures.put("mean_ms", rounded(mean()));
        figures.put("count", count());
        return figures;
    }

    /** Microsecond precision is all the histogram holds. */
    private static double rounded(double millis) {
        return Math.round(millis * 1000) / 1000.0;
    }
}
