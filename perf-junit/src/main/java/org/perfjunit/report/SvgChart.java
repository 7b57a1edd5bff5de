package org.perfjunit.report;

import org.perfjunit.model.UnitFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Small inline-SVG charts for the HTML report, drawn in Java so the page needs no script library
 * and no network. Output size is bounded by construction (fixed bin counts, capped point counts),
 * whatever the number of samples. Colors come from CSS classes of the page.
 */
final class SvgChart {

    static final int WIDTH = 480;
    static final int HEIGHT = 170;
    private static final int LEFT = 76;
    private static final int RIGHT = 14;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;
    /** Histogram bins. */
    static final int BINS = 24;

    private SvgChart() {
    }

    /** Histogram of {@code samples} with the median marked (and the baseline's, when known). */
    static String histogram(String title, double[] samples, String unit, double median, Double baseline) {
        double min = Arrays.stream(samples).min().orElse(0);
        double max = Arrays.stream(samples).max().orElse(0);
        if (baseline != null) {
            min = Math.min(min, baseline);
            max = Math.max(max, baseline);
        }
        double span = max > min ? max - min : Math.max(Math.abs(max) * 0.1, 1);
        double lo = max > min ? min : min - span / 2;
        int[] counts = new int[BINS];
        for (double s : samples) {
            counts[Math.min(BINS - 1, (int) ((s - lo) / span * BINS))]++;
        }
        int top = Arrays.stream(counts).max().orElse(1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double barW = plotW / BINS;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < BINS; i++) {
            if (counts[i] > 0) {
                double h = plotH * counts[i] / top;
                path.append('M').append(f(LEFT + i * barW + 0.5)).append(' ').append(f(TOP + plotH))
                        .append('v').append(f(-h)).append('h').append(f(barW - 1)).append('v').append(f(h)).append('z');
            }
        }
        StringBuilder svg = open(title);
        axes(svg, 0, top, "", 2);
        svg.append("<path class=\"bar\" d=\"").append(path).append("\"/>");
        svg.append(marker(lo, span, median, "med", "median " + UnitFormat.format(median, unit)));
        if (baseline != null) {
            svg.append(marker(lo, span, baseline, "base", "baseline " + UnitFormat.format(baseline, unit)));
        }
        xLabel(svg, LEFT, "start", UnitFormat.format(lo, unit));
        xLabel(svg, WIDTH - RIGHT, "end", UnitFormat.format(lo + span, unit));
        return svg.append("</svg>").toString();
    }

    private static String marker(double lo, double span, double v, String cls, String label) {
        double x = LEFT + (v - lo) / span * (WIDTH - LEFT - RIGHT);
        return "<line class=\"" + cls + "\" x1=\"" + f(x) + "\" x2=\"" + f(x) + "\" y1=\"" + TOP + "\" y2=\""
                + (HEIGHT - BOTTOM) + "\"><title>" + HtmlEscaper.escape(label) + "</title></line>";
    }

    /**
     * Horizontal bars, one per label, with the value printed: used for baseline vs current and for
     * per-phase breakdowns. {@code classes} picks each bar's color.
     */
    static String bars(String title, List<String> labels, double[] values, List<String> classes, String unit) {
        int rowH = 22;
        int height = TOP + rowH * labels.size() + 8;
        double max = Arrays.stream(values).map(Math::abs).max().orElse(1);
        max = max == 0 ? 1 : max;
        double plotW = WIDTH - 150 - 90;
        StringBuilder svg = open(title, height);
        for (int i = 0; i < labels.size(); i++) {
            double y = TOP + i * rowH;
            double w = Math.max(1, plotW * Math.abs(values[i]) / max);
            svg.append("<text class=\"lbl\" x=\"144\" y=\"").append(f(y + 14)).append("\" text-anchor=\"end\">")
                    .append(HtmlEscaper.escape(clip(labels.get(i), 24))).append("</text>");
            svg.append("<rect class=\"").append(classes.get(i)).append("\" x=\"150\" y=\"").append(f(y + 3))
                    .append("\" width=\"").append(f(w)).append("\" height=\"15\" rx=\"2\"/>");
            svg.append("<text class=\"val\" x=\"").append(f(154 + w)).append("\" y=\"").append(f(y + 14)).append("\">")
                    .append(HtmlEscaper.escape(UnitFormat.format(values[i], unit))).append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    /**
     * A line over categorical x positions (runs or parameter values), with change points drawn as
     * dashed verticals labelled with the step's relative change.
     */
    static String line(String title, List<String> xLabels, double[] y, String unit, List<Integer> changePoints) {
        double max = Arrays.stream(y).max().orElse(1);
        double top = max <= 0 ? 1 : max * 1.1;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int n = y.length;
        double step = n > 1 ? plotW / (n - 1) : 0;
        StringBuilder svg = open(title);
        axes(svg, 0, top, unit, 3);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double x = n > 1 ? LEFT + i * step : LEFT + plotW / 2;
            points.append(f(x)).append(',').append(f(TOP + plotH - plotH * y[i] / top)).append(' ');
        }
        for (int cp : changePoints) {
            double x = LEFT + (cp - 0.5) * step;
            double before = y[cp - 1];
            double change = before == 0 ? 0 : y[cp] / before;
            svg.append("<line class=\"cp\" x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"")
                    .append(TOP).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>")
                    .append("<text class=\"cpl\" x=\"").append(f(x + 3)).append("\" y=\"").append(TOP + 10).append("\">")
                    .append(HtmlEscaper.escape(UnitFormat.percentChange(change))).append("</text>");
        }
        svg.append("<polyline class=\"ln\" points=\"").append(points.toString().trim()).append("\"/>");
        if (n <= 30) {
            for (String p : points.toString().trim().split(" ")) {
                String[] xy = p.split(",");
                svg.append("<circle class=\"pt\" cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2.5\"/>");
            }
        }
        if (n > 1 && n <= 8) {
            for (int i = 0; i < n; i++) {
                xLabel(svg, LEFT + i * step, i == 0 ? "start" : i == n - 1 ? "end" : "middle", xLabels.get(i));
            }
        } else if (n > 0) {
            xLabel(svg, n > 1 ? LEFT : LEFT + plotW / 2, n > 1 ? "start" : "middle", xLabels.get(0));
            if (n > 1) {
                xLabel(svg, WIDTH - RIGHT, "end", xLabels.get(n - 1));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return open(title, HEIGHT);
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(2048).append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"").append(HtmlEscaper.escape(title))
                .append("\"><title>").append(HtmlEscaper.escape(title)).append("</title>");
    }

    /** Y grid lines with labels from {@code lo} to {@code hi}. */
    private static void axes(StringBuilder svg, double lo, double hi, String unit, int lines) {
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= lines; i++) {
            double v = lo + (hi - lo) * i / lines;
            double y = TOP + plotH - plotH * i / lines;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
            svg.append("<text class=\"ax\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">")
                    .append(HtmlEscaper.escape(unit.isEmpty() ? String.valueOf(Math.round(v)) : UnitFormat.format(v, unit)))
                    .append("</text>");
        }
    }

    private static void xLabel(StringBuilder svg, double x, String anchor, String text) {
        svg.append("<text class=\"ax\" x=\"").append(f(x)).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(HtmlEscaper.escape(clip(text, 30)))
                .append("</text>");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** One decimal: sub-pixel precision is invisible and costs bytes. */
    static String f(double v) {
        long tenths = Math.round(v * 10); // String.format is ~20x slower and runs 100k times for 500 tests
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return sign + (a / 10) + "." + (a % 10);
    }
}
