package dev.tiketi.reservation.booking;

import dev.tiketi.web.problem.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reservations and their seats in {@code reservation_service}. A seat row is live while its reservation is
 * PENDING or CONFIRMED; the unique index over live rows refuses a second live reservation of a seat with a
 * {@link org.springframework.dao.DuplicateKeyException}, whatever Redis said.
 */
@Repository
public class Reservations {

    private static final String COLUMNS = """
            id, user_id, event_id, status, total_amount, hold_expires_at, event_title, venue_name, hall_name,
            event_starts_at, event_ends_at, cancel_reason, was_confirmed, payment_id, created_at, confirmed_at,
            cancelled_at, expired_at, refunded_at, version, updated_at""";

    private final JdbcClient jdbc;

    public Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException if a seat is live in another reservation */
    public void insert(Reservation reservation) {
        EventSnapshot event = reservation.event();
        Reservation.Timeline t = reservation.timeline();
        jdbc.sql("INSERT INTO reservations (" + COLUMNS + """
                        ) VALUES (:id, :userId, :eventId, :status, :total, :holdExpiresAt, :title, :venue, :hall,
                                  :startsAt, :endsAt, NULL, false, NULL, :createdAt, NULL, NULL, NULL, NULL, :version,
                                  :updatedAt)""")
                .param("id", reservation.id())
                .param("userId", reservation.userId())
                .param("eventId", reservation.eventId())
                .param("status", reservation.status().name())
                .param("total", reservation.totalAmount())
                .param("holdExpiresAt", utc(reservation.holdExpiresAt()))
                .param("title", event.title())
                .param("venue", event.venueName())
                .param("hall", event.hallName())
                .param("startsAt", utc(event.startsAt()))
                .param("endsAt", utc(event.endsAt()))
                .param("createdAt", utc(t.createdAt()))
                .param("version", reservation.version())
                .param("updatedAt", utc(t.updatedAt()))
                .update();
        insertSeats(reservation, reservation.seats());
    }

    /**
     * Writes {@code after}, a transition of {@code before} as read in this transaction: its state, the seats it
     * gave up or took, and whether its seats are live.
     *
     * @throws org.springframework.dao.DuplicateKeyException if a newly taken seat is live in another reservation
     */
    public void save(Reservation before, Reservation after) {
        Reservation.Timeline t = after.timeline();
        int updated = jdbc.sql("""
                        UPDATE reservations
                           SET status = :status, total_amount = :total, cancel_reason = :reason,
                               was_confirmed = :wasConfirmed, payment_id = :paymentId, confirmed_at = :confirmedAt,
                               cancelled_at = :cancelledAt, expired_at = :expiredAt, refunded_at = :refundedAt,
                               version = :version, updated_at = :updatedAt
                         WHERE id = :id AND version = :previousVersion""")
                .param("status", after.status().name())
                .param("total", after.totalAmount())
                .param("reason", after.cancelReason())
                .param("wasConfirmed", after.wasConfirmed())
                .param("paymentId", after.paymentId())
                .param("confirmedAt", utc(t.confirmedAt()))
                .param("cancelledAt", utc(t.cancelledAt()))
                .param("expiredAt", utc(t.expiredAt()))
                .param("refundedAt", utc(t.refundedAt()))
                .param("version", after.version())
                .param("updatedAt", utc(t.updatedAt()))
                .param("id", after.id())
                .param("previousVersion", before.version())
                .update();
        if (updated != 1) {
            // every writer locks the row first, so this is a bug, not a race to retry
            throw new IllegalStateException("reservation " + after.id() + " changed under a row lock");
        }
        Set<UUID> kept = Set.copyOf(after.seatIds());
        List<UUID> givenUp = before.seatIds().stream().filter(seat -> !kept.contains(seat)).toList();
        if (!givenUp.isEmpty()) {
            jdbc.sql("DELETE FROM reservation_seats WHERE reservation_id = :id AND seat_id IN (:seats)")
                    .param("id", after.id()).param("seats", givenUp).update();
        }
        Set<UUID> had = Set.copyOf(before.seatIds());
        insertSeats(after, after.seats().stream().filter(seat -> !had.contains(seat.seatId())).toList());
        if (before.status().live() != after.status().live()) {
            jdbc.sql("UPDATE reservation_seats SET live = :live WHERE reservation_id = :id")
                    .param("live", after.status().live()).param("id", after.id()).update();
        }
        countSales(before, after);
    }

    /** Keeps {@code sales_hourly} in this transaction: a confirmation is sold, a confirmed booking's cancellation refunded. */
    private void countSales(Reservation before, Reservation after) {
        boolean sold = before.status() != ReservationStatus.CONFIRMED && after.status() == ReservationStatus.CONFIRMED;
        boolean refunded = before.status() == ReservationStatus.CONFIRMED && after.status() == ReservationStatus.CANCELLED;
        if (!sold && !refunded) {
            return;
        }
        String figures = sold ? "bookings_sold, tickets_sold, revenue" : "bookings_refunded, tickets_refunded, refunds";
        Instant at = sold ? after.timeline().confirmedAt() : after.timeline().cancelledAt();
        jdbc.sql("INSERT INTO sales_hourly AS s (event_id, hour, " + figures + ") "
                        + "VALUES (:eventId, date_trunc('hour', :at, 'UTC'), 1, :tickets, :amount) "
                        + "ON CONFLICT (event_id, hour) DO UPDATE SET "
                        + (sold ? "bookings_sold = s.bookings_sold + 1, tickets_sold = s.tickets_sold + :tickets, "
                                + "revenue = s.revenue + :amount"
                                : "bookings_refunded = s.bookings_refunded + 1, "
                                + "tickets_refunded = s.tickets_refunded + :tickets, refunds = s.refunds + :amount"))
                .param("eventId", after.eventId())
                .param("at", utc(at))
                .param("tickets", after.seats().size())
                .param("amount", after.totalAmount())
                .update();
    }

    public Optional<Reservation> find(UUID id) {
        return first(jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE id = :id").param("id", id));
    }

    /** The reservation, its row locked until the transaction ends: every change goes through here first. */
    public Optional<Reservation> lock(UUID id) {
        return first(jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE id = :id FOR UPDATE").param("id", id));
    }

    /**
     * The buyer's own reservation, its row locked; empty for anyone else's, which callers answer exactly like
     * a reservation that does not exist ({@link #notFound()}), so ids of others' bookings cannot be probed.
     */
    public Optional<Reservation> lockOwned(UUID id, UUID userId) {
        return lock(id).filter(reservation -> reservation.userId().equals(userId));
    }

    public Optional<Reservation> findOwned(UUID id, UUID userId) {
        return find(id).filter(reservation -> reservation.userId().equals(userId));
    }

    /** 404 {@code reservation-not-found}: for unknown ids and for other buyers' reservations alike. */
    public static ApiException notFound() {
        return ApiException.notFound("reservation-not-found", "There is no such reservation.");
    }

    /** A buyer's reservations, newest first. */
    public List<Reservation> ofUser(UUID userId, int offset, int limit) {
        return withSeats(jdbc.sql("SELECT " + COLUMNS + """
                         FROM reservations WHERE user_id = :userId
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset""")
                .param("userId", userId).param("limit", limit).param("offset", offset)
                .query(Reservations::reservation).list());
    }

    /** The reservations with these ids, with their seats, in the order of {@code ids}; unknown ids are left out. */
    public List<Reservation> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Reservation> found = withSeats(jdbc.sql("SELECT " + COLUMNS + " FROM reservations WHERE id IN (:ids)")
                .param("ids", ids).query(Reservations::reservation).list()).stream()
                .collect(Collectors.toMap(Reservation::id, r -> r));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    public long countOfUser(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM reservations WHERE user_id = :userId")
                .param("userId", userId).query(Long.class).single();
    }

    /** The event's live reservations (PENDING or CONFIRMED), oldest first, locked: what its cancellation walks. */
    public List<Reservation> lockLiveOfEvent(UUID eventId, int limit) {
        return withSeats(jdbc.sql("SELECT " + COLUMNS + """
                         FROM reservations WHERE event_id = :eventId AND status IN ('PENDING', 'CONFIRMED')
                        ORDER BY created_at, id LIMIT :limit FOR UPDATE""")
                .param("eventId", eventId).param("limit", limit)
                .query(Reservations::reservation).list());
    }

    /**
     * Which of the event's {@code seatIds} are live in a reservation other than {@code reservationId}, and its
     * status (PENDING: held, CONFIRMED: sold). Asked only after the database refused a seat Redis let through.
     */
    public Map<UUID, ReservationStatus> liveElsewhere(UUID eventId, List<UUID> seatIds, UUID reservationId) {
        return jdbc.sql("""
                        SELECT s.seat_id, r.status
                          FROM reservation_seats s JOIN reservations r ON r.id = s.reservation_id
                         WHERE s.event_id = :eventId AND s.seat_id IN (:seatIds) AND s.live
                           AND s.reservation_id <> :reservationId""")
                .param("eventId", eventId).param("seatIds", seatIds).param("reservationId", reservationId)
                .query((rs, n) -> Map.entry(rs.getObject("seat_id", UUID.class),
                        ReservationStatus.valueOf(rs.getString("status"))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
    }

    public boolean hasPendingHold(UUID userId, UUID eventId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM reservations
                                        WHERE user_id = :userId AND event_id = :eventId AND status = 'PENDING')""")
                .param("userId", userId).param("eventId", eventId).query(Boolean.class).single();
    }

    /**
     * PENDING reservations whose hold is over, locked; rows another transaction has locked are skipped, so
     * that several instances expire different reservations side by side.
     */
    public List<Reservation> lockOverdueHolds(Instant now, int limit) {
        return withSeats(jdbc.sql("SELECT " + COLUMNS + """
                         FROM reservations WHERE status = 'PENDING' AND hold_expires_at <= :now
                        ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", utc(now)).param("limit", limit)
                .query(Reservations::reservation).list());
    }

    /** All the seats in one statement (a hold has at most four): one round trip instead of one per seat. */
    private void insertSeats(Reservation reservation, List<ReservedSeat> seats) {
        if (seats.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                INSERT INTO reservation_seats (reservation_id, event_id, seat_id, section, row_label, number, grade,
                                               price, live) VALUES """);
        for (int i = 0; i < seats.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:reservationId, :eventId, :seatId").append(i)
                    .append(", :section").append(i).append(", :row").append(i).append(", :number").append(i)
                    .append(", :grade").append(i).append(", :price").append(i).append(", :live)");
        }
        JdbcClient.StatementSpec insert = jdbc.sql(sql.toString())
                .param("reservationId", reservation.id())
                .param("eventId", reservation.eventId())
                .param("live", reservation.status().live());
        for (int i = 0; i < seats.size(); i++) {
            ReservedSeat seat = seats.get(i);
            insert = insert.param("seatId" + i, seat.seatId())
                    .param("section" + i, seat.section())
                    .param("row" + i, seat.row())
                    .param("number" + i, seat.number())
                    .param("grade" + i, seat.grade())
                    .param("price" + i, seat.price());
        }
        insert.update();
    }

    private Optional<Reservation> first(JdbcClient.StatementSpec select) {
        return withSeats(select.query(Reservations::reservation).list()).stream().findFirst();
    }

    /** Fills in the seats of reservations read without them, with one query for all. */
    private List<Reservation> withSeats(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return reservations;
        }
        Map<UUID, List<ReservedSeat>> seats = jdbc.sql("""
                        SELECT reservation_id, seat_id, section, row_label, number, grade, price
                          FROM reservation_seats WHERE reservation_id IN (:ids)
                         ORDER BY section, row_label, number""")
                .param("ids", reservations.stream().map(Reservation::id).toList())
                .query((rs, n) -> new SeatRow(rs.getObject("reservation_id", UUID.class), new ReservedSeat(
                        rs.getObject("seat_id", UUID.class), rs.getString("section"), rs.getString("row_label"),
                        rs.getInt("number"), rs.getString("grade"), rs.getLong("price"))))
                // list(), not stream(): a query's stream holds its connection until closed
                .list().stream()
                .collect(Collectors.groupingBy(SeatRow::reservationId,
                        Collectors.mapping(SeatRow::seat, Collectors.toList())));
        return reservations.stream()
                .map(r -> new Reservation(r.id(), r.userId(), r.eventId(), r.status(),
                        seats.getOrDefault(r.id(), List.of()), r.totalAmount(), r.holdExpiresAt(), r.event(),
                        r.cancelReason(), r.wasConfirmed(), r.paymentId(), r.timeline(), r.version()))
                .toList();
    }

    private record SeatRow(UUID reservationId, ReservedSeat seat) {
    }

    /** The reservation row alone; {@link #withSeats} adds its seats. */
    private static Reservation reservation(ResultSet rs, int row) throws SQLException {
        return new Reservation(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("event_id", UUID.class),
                ReservationStatus.valueOf(rs.getString("status")),
                List.of(),
                rs.getLong("total_amount"),
                instant(rs, "hold_expires_at"),
                new EventSnapshot(rs.getString("event_title"), rs.getString("venue_name"), rs.getString("hall_name"),
                        instant(rs, "event_starts_at"), instant(rs, "event_ends_at")),
                rs.getString("cancel_reason"),
                rs.getBoolean("was_confirmed"),
                rs.getObject("payment_id", UUID.class),
                new Reservation.Timeline(instant(rs, "created_at"), instant(rs, "confirmed_at"),
                        instant(rs, "cancelled_at"), instant(rs, "expired_at"), instant(rs, "refunded_at"),
                        instant(rs, "updated_at")),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
