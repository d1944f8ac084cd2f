package dev.tiketi.event.browse;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The catalog's read model: plain SQL shaped for the indexes of V2 and V4, never the entities (a listing
 * needs neither change tracking nor the seats as objects).
 */
@Repository
public class CatalogReads {

    private static final String EVENT_COLUMNS = """
            e.id, e.title, e.artist, e.category, e.status, e.starts_at, e.ends_at, e.sale_starts_at,
            e.sale_ends_at, e.poster_url, e.seat_count, e.available_count,
            v.id AS venue_id, v.name AS venue_name, v.city AS venue_city,
            (SELECT min(s.price) FROM seats s WHERE s.event_id = e.id) AS min_price,
            (SELECT max(s.price) FROM seats s WHERE s.event_id = e.id) AS max_price""";

    private final JdbcClient jdbc;
    private final BrowseSettings settings;

    public CatalogReads(JdbcClient jdbc, BrowseSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Count and page from one snapshot, so that the total agrees with the items. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public EventPage list(EventQuery query, List<Set<String>> keywordSegments) {
        Map<String, Object> params = new HashMap<>();
        String where = where(query, keywordSegments, params);
        if (!keywordSegments.isEmpty()) {
            // the <% operator reads its threshold from this setting; local to this transaction
            jdbc.sql("SELECT set_config('pg_trgm.word_similarity_threshold', :threshold, true)")
                    .param("threshold", Double.toString(settings.wordSimilarity()))
                    .query().singleValue();
        }
        long total = jdbc.sql("SELECT count(*) FROM events e JOIN venues v ON v.id = e.venue_id WHERE " + where)
                .params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", query.offset());
        List<EventListItem> items = total <= query.offset() ? List.of() : jdbc.sql(
                        "SELECT " + EVENT_COLUMNS + " FROM events e JOIN venues v ON v.id = e.venue_id WHERE " + where
                                + " ORDER BY " + query.sort().orderBy() + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, rowNum) -> listItem(rs))
                .list();
        return new EventPage(items, query.page(), query.size(), total, (total + query.size() - 1) / query.size());
    }

    public Optional<EventDetail> detail(UUID eventId) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + """
                        , e.description, v.address AS venue_address, h.id AS hall_id, h.name AS hall_name
                        FROM events e JOIN venues v ON v.id = e.venue_id JOIN halls h ON h.id = e.hall_id
                        WHERE e.id = :id""")
                .param("id", eventId)
                .query((rs, rowNum) -> new EventDetail(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("artist"), rs.getString("description"), rs.getString("category"),
                        rs.getString("status"),
                        new EventDetail.Venue(rs.getObject("venue_id", UUID.class), rs.getString("venue_name"),
                                rs.getString("venue_city"), rs.getString("venue_address")),
                        new EventDetail.Hall(rs.getObject("hall_id", UUID.class), rs.getString("hall_name")),
                        instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "sale_starts_at"),
                        instant(rs, "sale_ends_at"), rs.getString("poster_url"), nullableLong(rs, "min_price"),
                        nullableLong(rs, "max_price"), rs.getInt("seat_count"), rs.getInt("available_count")))
                .optional();
    }

    /**
     * All seats in one query, walked in the order of the {@code seats_position_key} index (so PostgreSQL
     * does not sort 50,000 rows) and grouped as they arrive; only sections and rows, a few hundred at
     * most, are then put in natural order. Empty when the event does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<SeatMap> seatMap(UUID eventId) {
        Map<String, Map<String, List<SeatMap.Seat>>> sections = new LinkedHashMap<>();
        Map<String, String> shared = new HashMap<>();
        RowCallbackHandler collect = rs -> {
            String section = rs.getString(2);
            String row = rs.getString(3);
            sections.computeIfAbsent(section, name -> new LinkedHashMap<>())
                    .computeIfAbsent(row, label -> new ArrayList<>())
                    .add(new SeatMap.Seat(rs.getObject(1, UUID.class), rs.getInt(4),
                            shared.computeIfAbsent(rs.getString(5), grade -> grade), rs.getLong(6),
                            shared.computeIfAbsent(rs.getString(7), status -> status)));
        };
        jdbc.sql("""
                        SELECT id, section, row_label, number, grade, price, status FROM seats
                        WHERE event_id = :id ORDER BY section, row_label, number""")
                .param("id", eventId)
                .query(collect);
        if (sections.isEmpty()) {
            return exists(eventId) ? Optional.of(new SeatMap(eventId, List.of())) : Optional.empty();
        }
        List<SeatMap.Section> ordered = sections.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(NaturalOrder.INSTANCE))
                .map(section -> new SeatMap.Section(section.getKey(), section.getValue().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(NaturalOrder.INSTANCE))
                        .map(row -> new SeatMap.Row(row.getKey(), row.getValue()))
                        .toList()))
                .toList();
        return Optional.of(new SeatMap(eventId, ordered));
    }

    /** Empty when the event does not exist. */
    @Transactional(readOnly = true)
    public Optional<SeatSummary> seatSummary(UUID eventId) {
        List<GradeSummary> grades = jdbc.sql("""
                        SELECT grade, price, count(*) AS total, count(*) FILTER (WHERE status = 'AVAILABLE') AS available
                        FROM seats WHERE event_id = :id
                        GROUP BY grade, price ORDER BY price DESC, grade""")
                .param("id", eventId)
                .query((rs, rowNum) -> new GradeSummary(rs.getString("grade"), rs.getLong("price"),
                        rs.getInt("total"), rs.getInt("available")))
                .list();
        return grades.isEmpty() && !exists(eventId) ? Optional.empty() : Optional.of(new SeatSummary(grades));
    }

    public List<VenueSummary> venues() {
        return jdbc.sql("SELECT id, name, city FROM venues ORDER BY city, name, id")
                .query((rs, rowNum) -> new VenueSummary(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("city")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<VenueDetail> venue(UUID venueId) {
        return jdbc.sql("SELECT id, name, city, address FROM venues WHERE id = :id")
                .param("id", venueId)
                .query((rs, rowNum) -> new VenueDetail(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("city"), rs.getString("address"), List.of()))
                .optional()
                .map(venue -> new VenueDetail(venue.id(), venue.name(), venue.city(), venue.address(),
                        jdbc.sql("SELECT id, name, seat_count FROM halls WHERE venue_id = :id ORDER BY name, id")
                                .param("id", venueId)
                                .query((rs, rowNum) -> new VenueDetail.Hall(rs.getObject("id", UUID.class),
                                        rs.getString("name"), rs.getInt("seat_count")))
                                .list()));
    }

    private boolean exists(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM events WHERE id = :id)").param("id", eventId)
                .query(Boolean.class).single();
    }

    /**
     * The WHERE clause: fixed SQL with named parameters only. Status and start time use the
     * (status, starts_at) index; every keyword alternative is a trigram-indexable condition on search_text.
     */
    private static String where(EventQuery query, List<Set<String>> keywordSegments, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        conditions.add("e.status IN (:statuses)");
        params.put("statuses", query.statuses());
        if (query.category() != null) {
            conditions.add("e.category = :category");
            params.put("category", query.category());
        }
        if (query.startsFrom() != null) {
            conditions.add("e.starts_at >= :startsFrom");
            params.put("startsFrom", OffsetDateTime.ofInstant(query.startsFrom(), ZoneOffset.UTC));
        }
        if (query.startsBefore() != null) {
            conditions.add("e.starts_at < :startsBefore");
            params.put("startsBefore", OffsetDateTime.ofInstant(query.startsBefore(), ZoneOffset.UTC));
        }
        if (query.city() != null) {
            conditions.add("lower(v.city) = :city");
            params.put("city", query.city());
        }
        if (query.venueId() != null) {
            conditions.add("e.venue_id = :venueId");
            params.put("venueId", query.venueId());
        }
        for (int s = 0; s < keywordSegments.size(); s++) {
            List<String> alternatives = new ArrayList<>();
            int a = 0;
            for (String term : keywordSegments.get(s)) {
                String name = "kw" + s + "_" + a++;
                alternatives.addAll(KeywordMatch.conditions(term, name, params));
            }
            conditions.add("(" + String.join(" OR ", alternatives) + ")");
        }
        return String.join(" AND ", conditions);
    }

    private static EventListItem listItem(ResultSet rs) throws SQLException {
        return new EventListItem(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("artist"),
                rs.getString("category"), rs.getString("status"),
                new EventListItem.VenueRef(rs.getObject("venue_id", UUID.class), rs.getString("venue_name"),
                        rs.getString("venue_city")),
                instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "sale_starts_at"),
                instant(rs, "sale_ends_at"), rs.getString("poster_url"), nullableLong(rs, "min_price"),
                nullableLong(rs, "max_price"), rs.getInt("seat_count"), rs.getInt("available_count"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
