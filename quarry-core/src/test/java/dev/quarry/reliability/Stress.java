package dev.quarry.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * The size of the stress-and-fault suite and where it reports its figures. {@code QUARRY_STRESS_SCALE}
 * (or {@code -Dquarry.stress.scale}) multiplies every duration and count: 1 (the default) fits the CI
 * budget, 10 runs each mixed workload for 30 s and a million queries per backend for the heap. Each test
 * prints one {@code [stress]} line per run and appends it to {@code target/reliability-figures.txt}.
 */
final class Stress {
    /** How many times the CI size each test runs. */
    static final int SCALE = scale();
    private static final Path FIGURES = Path.of("target", "reliability-figures.txt");

    private Stress() {}

    private static int scale() {
        String v = System.getProperty("quarry.stress.scale", System.getenv("QUARRY_STRESS_SCALE"));
        if (v == null || v.isBlank()) {
            return 1;
        }
        int n = Integer.parseInt(v.trim());
        if (n < 1) {
            throw new IllegalArgumentException("QUARRY_STRESS_SCALE must be 1 or more, not " + n);
        }
        return n;
    }

    /** Prints a line of figures and appends it, with the time and scale, to {@code target/reliability-figures.txt}. */
    static void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println("[stress] " + line);
        try {
            Files.createDirectories(FIGURES.getParent());
            Files.writeString(FIGURES, LocalDateTime.now().withNano(0) + " scale=" + SCALE + " " + line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The heap in use once garbage collection has run to a steady state: the smallest of several readings after {@code System.gc()}. */
    static long retainedHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
