package dev.tiketi.event.browse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated, normalised event list query. Two requests that mean the same thing (statuses in another
 * order or case, a keyword in other case or spacing) give equal queries and so the same cache key.
 *
 * @param statuses      sorted, never empty
 * @param category      null for every category
 * @param startsFrom    inclusive lower bound of the start time, or null
 * @param startsBefore  exclusive upper bound of the start time, or null
 * @param city          lower case, or null
 * @param keyword       lower case, single-spaced, or null
 */
public record EventQuery(List<String> statuses, String category, Instant startsFrom, Instant startsBefore,
        String city, UUID venueId, String keyword, EventSort sort, int page, int size) {

    public EventQuery {
        statuses = List.copyOf(statuses);
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * Every dimension of the query, each value URL-encoded so that no value can imitate another field:
     * a key missing a dimension would serve one query's page to another.
     */
    public String cacheKey() {
        return "status=" + String.join(",", statuses)
                + "&category=" + encode(category)
                + "&from=" + encode(startsFrom)
                + "&before=" + encode(startsBefore)
                + "&city=" + encode(city)
                + "&venue=" + encode(venueId)
                + "&keyword=" + encode(keyword)
                + "&sort=" + sort.parameter()
                + "&page=" + page
                + "&size=" + size;
    }

    private static String encode(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }
}
