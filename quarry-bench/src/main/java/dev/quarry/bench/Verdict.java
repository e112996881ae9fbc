package dev.quarry.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a measured ratio meets its bound, decided from the per-round ratios rather than from their median alone:
 * the median's 95% confidence interval (distribution-free, from the ratios' order statistics) is compared with the
 * bound. A cell <em>holds</em> when the whole interval is at or below the bound, <em>fails</em> when the whole
 * interval is above it, and is <em>undecided</em> when the interval straddles it, which says that the host's noise
 * is larger than the margin and more rounds (or runs) are needed, not that either answer is right. The same rule
 * compares Quarry with Hibernate against 1.
 *
 * <p>The bounds are issue 13's: W1 ≤ 1.1× JDBC, W2 ≤ 1.3×, W8 ≤ 1.2×, W3–W7 ≤ 1.1×; W9 and W10 have none here
 * (W9's bound is in microseconds, measured by JMH).
 */
final class Verdict {
    private static final Map<String, Double> BOUNDS = Map.of(
            "w1", 1.1, "w2", 1.3, "w3", 1.1, "w4", 1.1, "w5", 1.1, "w6", 1.1, "w7", 1.1, "w8", 1.2);

    private Verdict() {}

    /** The bound on {@code workload}'s ratio to JDBC, or {@code NaN} where it has none. */
    static double bound(String workload) {
        return BOUNDS.getOrDefault(workload, Double.NaN);
    }

    /**
     * The 95% confidence interval of the median of {@code values}: the order statistics {@code x(j)} and
     * {@code x(n+1-j)} with the largest {@code j} whose binomial tail {@code P(B(n, 1/2) < j)} is at most 2.5%. With
     * fewer than 6 values no interval reaches 95%, and the whole range is returned (so such a cell is rarely decided).
     */
    static double[] medianInterval(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        // The interval is [x(k), x(n+1-k)] (1-based), covering 1 - 2 P(B <= k-1); k grows while that tail stays <= 2.5%.
        int k = 1;
        double term = Math.pow(0.5, n); // P(B = k - 1)
        double tail = term; // P(B <= k - 1)
        while (k < (n + 1) / 2) {
            term = term * (n - k + 1) / k; // P(B = k)
            if (tail + term > 0.025) {
                break;
            }
            tail += term;
            k++;
        }
        return new double[] {v[k - 1], v[n - k]};
    }

    /** {@code holds}, {@code fails} or {@code undecided}: where the interval lies against {@code bound}. */
    static String against(double[] interval, double bound) {
        if (Double.isNaN(bound)) {
            return "–";
        }
        if (interval[1] <= bound) {
            return "holds";
        }
        return interval[0] > bound ? "**fails**" : "undecided";
    }

    /** {@code faster}, {@code slower} or {@code tie}: Quarry's time over a peer's, its interval against 1. */
    static String versusPeer(double[] interval) {
        if (interval[1] < 1) {
            return "faster";
        }
        return interval[0] > 1 ? "**slower**" : "tie";
    }

    /** An interval as {@code "0.93–1.04"}. */
    static String format(double[] interval) {
        return String.format(Locale.ROOT, "%.2f–%.2f", interval[0], interval[1]);
    }
}
