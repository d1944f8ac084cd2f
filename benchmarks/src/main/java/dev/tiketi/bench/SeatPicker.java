package dev.tiketi.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks seats the way a crowd at a sale opening does: side by side in one row, mostly two, and most buyers first
 * try the best block (the first rows of the seat map) before taking whatever is left anywhere in the hall. That
 * concentration is the contention the hold benchmark is about: many buyers reaching for the same seats.
 */
final class SeatPicker {

    /** Seats per hold with their weights in percent: 1 → 25 %, 2 → 55 %, 3 → 10 %, 4 → 10 % (mean 2.05). */
    private static final int[] COUNT_BY_PERCENTILE = countTable();

    private final List<List<String>> rows;
    private final int hotRows;
    private final double hotShare;

    /**
     * @param seatMap  event-service's seat map ({@code sections[].rows[].seats[].id}), best rows first
     * @param hotSeats how many of the first seats make up the block most buyers try first
     * @param hotShare the share of first attempts that go to that block
     */
    SeatPicker(JsonNode seatMap, int hotSeats, double hotShare) {
        List<List<String>> all = new ArrayList<>();
        for (JsonNode section : seatMap.path("sections")) {
            for (JsonNode row : section.path("rows")) {
                List<String> seats = new ArrayList<>();
                row.path("seats").forEach(seat -> seats.add(seat.path("id").asText()));
                if (seats.size() >= 4) {
                    all.add(List.copyOf(seats));
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the seat map has no row of at least four seats");
        }
        this.rows = List.copyOf(all);
        int seatsSoFar = 0;
        int rowsInBlock = 0;
        while (rowsInBlock < rows.size() && seatsSoFar < hotSeats) {
            seatsSoFar += rows.get(rowsInBlock++).size();
        }
        this.hotRows = Math.max(1, rowsInBlock);
        this.hotShare = hotShare;
    }

    int seatCount() {
        return rows.stream().mapToInt(List::size).sum();
    }

    /** Adjacent seats in one row; a first attempt goes to the best block with {@code hotShare} probability. */
    List<String> pick(boolean firstAttempt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean hot = firstAttempt && random.nextDouble() < hotShare;
        List<String> row = rows.get(random.nextInt(hot ? hotRows : rows.size()));
        int count = COUNT_BY_PERCENTILE[random.nextInt(100)];
        int start = random.nextInt(row.size() - count + 1);
        return row.subList(start, start + count);
    }

    private static int[] countTable() {
        int[] table = new int[100];
        for (int percentile = 0; percentile < 100; percentile++) {
            table[percentile] = percentile < 25 ? 1 : percentile < 80 ? 2 : percentile < 90 ? 3 : 4;
        }
        return table;
    }
}
