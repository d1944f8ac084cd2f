package dev.tiketi.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalog event as it is after the change an event announces: what a reservation needs to snapshot
 * (title, venue, hall, times) and what a sale needs to decide (status, sale period, grades and prices).
 *
 * @param status    the status event-service computed at the change (UPCOMING, ON_SALE, SOLD_OUT, ENDED,
 *                  CANCELLED); time moves it on without an event, so a consumer recomputes it from the periods
 * @param grades    seats and price per grade, highest price first; single seats (section, row, number, grade,
 *                  price) come in {@link SeatsGenerated}
 */
public record CatalogFacts(
        String title,
        String artist,
        String venueName,
        String hallName,
        Instant startsAt,
        Instant endsAt,
        Instant saleStartsAt,
        Instant saleEndsAt,
        String status,
        @JsonProperty(required = true) int seatCount,
        List<Grade> grades) {

    public CatalogFacts {
        Fields.required(title, "title");
        Fields.required(venueName, "venueName");
        Fields.required(hallName, "hallName");
        Fields.required(startsAt, "startsAt");
        Fields.required(endsAt, "endsAt");
        Fields.required(saleStartsAt, "saleStartsAt");
        Fields.required(saleEndsAt, "saleEndsAt");
        Fields.required(status, "status");
        grades = grades == null ? List.of() : List.copyOf(grades);
    }

    /** @param price in KRW */
    public record Grade(String grade, @JsonProperty(required = true) long price,
                        @JsonProperty(required = true) int seats) {

        public Grade {
            Fields.required(grade, "grade");
            Fields.amount(price, "price");
        }
    }
}
