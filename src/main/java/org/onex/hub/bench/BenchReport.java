package org.onex.hub.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one run: every figure is printed as progress when it is measured and again, all together,
 * in the summary block at the end, so that a long log still ends with the whole result.
 */
final class BenchReport {

    private final List<String> lines = new ArrayList<>();

    /** A figure: printed now and in the summary. */
    void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        lines.add(text);
        progress("%s", text);
    }

    /** Progress only: printed now, not in the summary. */
    static void progress(String format, Object... args) {
        System.out.println("benchmark: " + String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    void print(String title) {
        System.out.println();
        System.out.println("==== onex-hub benchmark: " + title + " ====");
        lines.forEach(System.out::println);
        System.out.println("====");
    }

    static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Seconds after a reference point, or a note that the wait timed out (negative nanoseconds). */
    static String after(long nanos, int timeoutSeconds) {
        return nanos < 0 ? "NOT within " + timeoutSeconds + " s" : String.format(Locale.ROOT, "+%.1f s", nanos / 1e9);
    }

    /** A duration as the route templates write it: 1s, 1500ms. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
