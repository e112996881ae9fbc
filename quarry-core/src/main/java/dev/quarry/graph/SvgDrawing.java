package dev.quarry.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays out and writes a model graph as SVG without Graphviz: each model in a column one right of the furthest model
 * it refers to (models that refer to nothing on the left), boxes stacked in a column, each relation a straight arrow
 * from the declaring model's left side to its target's right side with its label at the middle and the counts at
 * the ends; a relation of a model to itself is a loop above its box. Text widths are estimated (7 pixels a
 * character of 12-pixel monospace), so no font metrics are needed.
 */
final class SvgDrawing {
    private static final int CHAR = 7;
    private static final int LINE = 18;
    private static final int HEADER = 26;
    private static final int GAP_X = 200;
    private static final int GAP_Y = 40;
    private static final int MARGIN = 30;

    private record Box(Node node, int x, int y, int width, int height) {}

    private SvgDrawing() {}

    static String draw(List<Node> nodes, List<Edge> edges) {
        Map<String, Integer> column = new HashMap<>();
        for (Node n : nodes) {
            column.put(n.name(), depth(n.name(), edges, new HashSet<>()));
        }
        int columns = column.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<String, Box> boxes = new HashMap<>();
        int x = MARGIN;
        int height = 0;
        for (int c = 0; c < columns; c++) {
            int col = c;
            List<Node> in = nodes.stream().filter(n -> column.get(n.name()) == col).toList();
            int width = in.stream().mapToInt(SvgDrawing::width).max().orElse(0);
            int y = MARGIN + 40;
            for (Node n : in) {
                int h = HEADER + LINE * n.fields().size() + 8;
                boxes.put(n.name(), new Box(n, x, y, width, h));
                y += h + GAP_Y + 30;
            }
            height = Math.max(height, y);
            x += width + GAP_X;
        }
        for (Edge e : edges) {
            boxes.computeIfAbsent(e.to(), name -> new Box(new Node(name, List.of()), MARGIN, MARGIN, width(new Node(name, List.of())), HEADER));
        }
        StringBuilder sb = new StringBuilder();
        int totalWidth = x - GAP_X + MARGIN;
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(totalWidth).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(totalWidth).append(' ').append(height).append("\" font-family=\"monospace\" font-size=\"12\">\n")
                .append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" ")
                .append("orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#444\"/></marker></defs>\n")
                .append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (Box b : boxes.values().stream().sorted((a, c) -> a.node().name().compareTo(c.node().name())).toList()) {
            box(sb, b);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Edge e : edges) {
            int nth = seen.merge(e.from() + ">" + e.to(), 1, Integer::sum) - 1;
            arrow(sb, boxes.get(e.from()), boxes.get(e.to()), e, nth);
        }
        return sb.append("</svg>\n").toString();
    }

    /** How many columns right of the models it refers to, following the longest chain (cycles cut). */
    private static int depth(String name, List<Edge> edges, Set<String> path) {
        if (!path.add(name)) {
            return 0;
        }
        int d = 0;
        for (Edge e : edges) {
            if (e.from().equals(name) && !e.to().equals(name) && !path.contains(e.to())) {
                d = Math.max(d, 1 + depth(e.to(), edges, path));
            }
        }
        path.remove(name);
        return d;
    }

    private static int width(Node n) {
        int chars = n.name().length();
        for (String[] f : n.fields()) {
            chars = Math.max(chars, f[0].length() + 3 + f[1].length());
        }
        return chars * CHAR + 24;
    }

    private static void box(StringBuilder sb, Box b) {
        sb.append(String.format(Locale.ROOT, "  <g><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#f6f8fa\" "
                + "stroke=\"#444\"/>%n", b.x(), b.y(), b.width(), b.height()));
        sb.append(String.format(Locale.ROOT, "    <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#dbe4ee\" "
                + "stroke=\"#444\"/>%n", b.x(), b.y(), b.width(), HEADER));
        sb.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
                b.x() + b.width() / 2, b.y() + 17, xml(b.node().name())));
        int y = b.y() + HEADER + 15;
        for (String[] f : b.node().fields()) {
            sb.append(String.format(Locale.ROOT, "    <text x=\"%d\" y=\"%d\">%s <tspan fill=\"#666\">: %s</tspan></text>%n",
                    b.x() + 10, y, xml(f[0]), xml(f[1])));
            y += LINE;
        }
        sb.append("  </g>\n");
    }

    private static void arrow(StringBuilder sb, Box from, Box to, Edge e, int nth) {
        String label = xml(e.label());
        int labelWidth = e.label().length() * CHAR + 8;
        if (from == to) {
            int x1 = from.x() + from.width() / 3;
            int x2 = from.x() + 2 * from.width() / 3;
            int top = from.y() - 30 - 14 * nth;
            sb.append(String.format(Locale.ROOT, "  <path d=\"M %d %d C %d %d, %d %d, %d %d\" fill=\"none\" stroke=\"#444\" "
                    + "marker-end=\"url(#arrow)\"/>%n", x1, from.y(), x1, top, x2, top, x2, from.y()));
            text(sb, (x1 + x2) / 2 - labelWidth / 2, top - 4, labelWidth, label);
            return;
        }
        int offset = 12 * nth;
        int x1 = from.x();
        int y1 = from.y() + HEADER / 2 + offset;
        int x2 = to.x() + to.width();
        int y2 = to.y() + HEADER / 2 + offset;
        if (x1 < x2) {
            // A target to the right (a cycle cut by the layout): leave from the right side, enter on the left.
            x1 = from.x() + from.width();
            x2 = to.x();
        }
        sb.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\" marker-end=\"url(#arrow)\"/>%n",
                x1, y1, x2, y2));
        text(sb, (x1 + x2) / 2 - labelWidth / 2, (y1 + y2) / 2 - 4, labelWidth, label);
        int dir = x1 > x2 ? -1 : 1;
        sb.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n",
                x1 + dir * 14, y1 - 5, xml(e.fromCount())));
        sb.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#666\">%s</text>%n",
                x2 - dir * 16, y2 - 5, xml(e.toCount())));
    }

    private static void text(StringBuilder sb, int x, int y, int width, String label) {
        sb.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"white\" opacity=\"0.9\"/>%n",
                x, y - 12, width));
        sb.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\">%s</text>%n", x + 4, y, label));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
