package dev.quarry.bench;

import java.util.List;
import java.util.Locale;

/**
 * An SVG bar chart of the interleaved run's ratios: per workload and database, one bar per
 * implementation, its height the time relative to hand-written JDBC (JDBC = 1), on a log scale so
 * 0.5× and 2× are equally far from the JDBC line.
 */
final class RatioChart {
    private static final String[] COLOURS = {"#4c72b0", "#dd8452", "#c44e52", "#55a868", "#8172b3"};
    private static final int BAR = 18;
    private static final int GAP = 26;
    private static final int HEIGHT = 260;
    private static final int TOP = 40;
    private static final int LEFT = 60;

    private RatioChart() {}

    static String svg(List<Interleaved.Row> rows, List<String> impls) {
        double max = 1;
        for (Interleaved.Row row : rows) {
            for (String impl : impls) {
                max = Math.max(max, row.ratio(impl));
            }
        }
        double top = Math.pow(2, Math.ceil(Math.log(max) / Math.log(2)));
        double bottom = 0.25;
        int group = impls.size() * BAR + GAP;
        int width = LEFT + rows.size() * group + 20;
        int height = TOP + HEIGHT + 70;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\">Time relative to hand-written JDBC "
                + "(log scale, lower is better; interleaved run, median of rounds)</text>%n", LEFT));
        for (double tick = bottom; tick <= top; tick *= 2) {
            int y = y(tick, bottom, top);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n", LEFT,
                    width - 10, y, y, tick == 1 ? "#000" : "#ddd"));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s×</text>%n", LEFT - 6, y + 4,
                    trim(tick)));
        }
        for (int g = 0; g < rows.size(); g++) {
            Interleaved.Row row = rows.get(g);
            int x0 = LEFT + g * group + GAP / 2;
            for (int i = 0; i < impls.size(); i++) {
                double ratio = row.ratio(impls.get(i));
                int y = y(Math.max(ratio, bottom), bottom, top);
                int base = y(1, bottom, top);
                int x = x0 + i * BAR;
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s %s %s: %.2f×</title></rect>%n", x, Math.min(y, base), BAR - 2, Math.max(1, Math.abs(base - y)),
                        COLOURS[i % COLOURS.length], row.workload(), row.db(), impls.get(i), ratio));
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"9\">%.2f</text>%n",
                        x + BAR / 2 - 1, Math.min(y, base) - 3, ratio));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x0 + impls.size() * BAR / 2, TOP + HEIGHT + 16, row.workload()));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    x0 + impls.size() * BAR / 2, TOP + HEIGHT + 30, row.db()));
        }
        for (int i = 0; i < impls.size(); i++) {
            int x = LEFT + i * 110;
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x, TOP + HEIGHT + 44, COLOURS[i % COLOURS.length], x + 16,
                    TOP + HEIGHT + 54, impls.get(i)));
        }
        return s.append("</svg>\n").toString();
    }

    private static int y(double ratio, double bottom, double top) {
        double f = (Math.log(ratio) - Math.log(bottom)) / (Math.log(top) - Math.log(bottom));
        return TOP + (int) Math.round(HEIGHT * (1 - f));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
