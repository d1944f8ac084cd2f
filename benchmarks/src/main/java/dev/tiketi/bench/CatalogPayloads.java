package dev.tiketi.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Request bodies of the admin catalog API, shared by the measured Gatling requests and the unmeasured set-up.
 * Names carry a per-run tag because venue names are unique per city and hall names per venue, and a benchmark
 * may run repeatedly against the same platform.
 */
final class CatalogPayloads {

    /** Every grade the platform knows, cheapest last; a grid template spreads them over its sections. */
    private static final List<String> GRADES = List.of("VIP", "R", "S", "A", "B");
    private static final Map<String, Long> PRICES_KRW =
            Map.of("VIP", 198_000L, "R", 165_000L, "S", 132_000L, "A", 99_000L, "B", 77_000L);

    record Venue(String name, String city, String address) {
    }

    record Hall(String name, SeatTemplate seatTemplate) {
    }

    record SeatTemplate(List<Section> sections, Map<String, Long> prices) {
    }

    record Section(String name, String grade, List<Row> rows) {
    }

    record Row(String label, int seats) {
    }

    /** Times are UTC ISO-8601 strings, as the API takes them. */
    record Event(String title, String artist, String description, String category, String hallId,
            String startsAt, String endsAt, String saleStartsAt, String saleEndsAt) {
    }

    private CatalogPayloads() {
    }

    static String runTag() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    static Venue venue(String runTag) {
        return new Venue("Bench Arena " + runTag, "Seoul", "424 Olympic-ro, Songpa-gu");
    }

    /** {@code sections × rowsPerSection × seatsPerRow} seats; consecutive sections share a grade. */
    static Hall gridHall(String name, int sections, int rowsPerSection, int seatsPerRow) {
        List<Section> layout = IntStream.rangeClosed(1, sections)
                .mapToObj(section -> new Section("Block " + section,
                        GRADES.get((section - 1) * GRADES.size() / sections),
                        IntStream.rangeClosed(1, rowsPerSection)
                                .mapToObj(row -> new Row(Integer.toString(row), seatsPerRow))
                                .toList()))
                .toList();
        List<String> used = layout.stream().map(Section::grade).distinct().toList();
        return new Hall(name, new SeatTemplate(layout, Map.copyOf(
                PRICES_KRW.entrySet().stream().filter(price -> used.contains(price.getKey()))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))));
    }

    /** An event whose sale opened a minute ago and runs for 30 days; the show starts when the sale ends. */
    static Event concertOnSale(String title, String hallId, Instant now) {
        Instant saleStarts = now.truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(1));
        Instant saleEnds = saleStarts.plus(Duration.ofDays(30));
        return new Event(title, "TIKETI Bench Orchestra", "created by the benchmarks", "CONCERT", hallId,
                saleEnds.toString(), saleEnds.plus(Duration.ofHours(3)).toString(),
                saleStarts.toString(), saleEnds.toString());
    }
}
