package dev.tiketi.event.layout;

import java.util.Locale;

/** Content negotiation by {@code Accept-Encoding}, which Spring MVC leaves to the server's own compression. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether {@code Accept-Encoding} allows gzip: listed (or {@code *}) without {@code q=0}. An explicit
     * {@code gzip;q=0} wins over {@code *}.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean allowed = !hasZeroQuality(parts);
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return allowed;
            }
            if (coding.equals("*")) {
                wildcard = allowed;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    private static boolean hasZeroQuality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
