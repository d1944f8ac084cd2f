package dev.tiketi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a Gatling report in a few lines: all requests, then each request name. Gatling 3.15 writes its
 * statistics only into the report's {@code index.html} (no stats JSON any more; the simulation log is binary),
 * so they are read from its statistics table, whose columns are found by their headers.
 */
record RunSummary(List<Line> lines) {

    private static final Pattern HEADER = Pattern.compile("<th id=\"(col-\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
    private static final Pattern ROW = Pattern.compile("<tr id=\"[^\"]+\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ (col-\\d+)\">([^<]*)</td>");

    /** Times in milliseconds; {@code requestsPerSecond} is the mean over the whole run, ramps included. */
    record Line(String name, long total, long ko, double requestsPerSecond, long p50, long p95, long p99, long max) {

        String format() {
            return String.format(Locale.ROOT, "%s: %,d requests, %,.1f req/s, p50 %d ms, p95 %d ms, p99 %d ms,"
                    + " max %d ms, KO %,d", name, total, requestsPerSecond, p50, p95, p99, max, ko);
        }
    }

    static RunSummary read(Path reportDirectory) {
        Path index = reportDirectory.resolve("index.html");
        String html;
        try {
            html = Files.readString(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + index, e);
        }
        Map<String, String> columns = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            columns.put(header.group(2).trim(), header.group(1));
        }
        List<Line> lines = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            if (!name.find()) {
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2).trim());
            }
            lines.add(new Line(unescape(name.group(1)),
                    (long) value(columns, cells, "Total"), (long) value(columns, cells, "KO"),
                    value(columns, cells, "Cnt/s"), (long) value(columns, cells, "50th pct"),
                    (long) value(columns, cells, "95th pct"), (long) value(columns, cells, "99th pct"),
                    (long) value(columns, cells, "Max")));
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("no statistics table in " + index);
        }
        return new RunSummary(List.copyOf(lines));
    }

    /** The first line is "All Requests", named "summary" here; each request follows, indented. */
    List<String> format() {
        List<String> formatted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            formatted.add(i == 0 ? "summary " + line.format() : "  " + line.format());
        }
        return formatted;
    }

    /** A column the report lacks (other percentiles configured, say) reads as -1 rather than as a fake 0. */
    private static double value(Map<String, String> columns, Map<String, String> cells, String header) {
        String column = columns.get(header);
        String text = column == null ? null : cells.get(column);
        if (text == null || text.isEmpty() || text.equals("-")) {
            return -1;
        }
        return Double.parseDouble(text.replace(",", ""));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
