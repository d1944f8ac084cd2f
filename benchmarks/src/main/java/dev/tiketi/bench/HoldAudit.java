package dev.tiketi.bench;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a hold benchmark left behind, read straight from reservation-service's tables (with its own role) and its
 * Redis holds, after the load: no seat may be live in two reservations, and Redis and the database must agree on
 * who holds each seat: a seat Redis gives one reservation while the database gives it another is a double hold.
 * Also counts the successful holds per second from the reservations' creation times, which Gatling, seeing 201s
 * and expected 409s alike as successful requests, cannot tell apart.
 */
final class HoldAudit {

    /* reservation-service's HoldKeys: a service jar is not a library, so the layout is spelled again here */
    private static final String HOLD_PREFIX = "hold:{%s}:";

    private final BenchConfig config;
    private final String redisHost;
    private final int redisPort;

    HoldAudit(BenchConfig config) {
        this.config = config;
        this.redisHost = config.redisHost();
        this.redisPort = config.redisPort();
    }

    /**
     * @param reservations   reservations made for the event, whatever their status now
     * @param liveSeats      seats in a PENDING or CONFIRMED reservation
     * @param doubleLive     seats live in more than one reservation (the database's unique index forbids it)
     * @param redisHeld      seats Redis holds for a reservation
     * @param doubleHeld     seats Redis holds for one reservation while the database has them live in another
     * @param orphanHolds    seats Redis holds for a reservation the database has no live seat of: not sold twice,
     *                       but kept from buyers until the hold runs out
     * @param unheldLive     seats of PENDING reservations that Redis does not hold for them: Redis could hand them
     *                       to someone else, and only the database would stop the second sale
     * @param holdsPerSecond reservations created in each second, from the first to the last
     */
    record Findings(long reservations, long liveSeats, long doubleLive, long redisHeld, long doubleHeld,
                    long orphanHolds, long unheldLive, List<Long> holdsPerSecond) {

        boolean clean() {
            return doubleLive == 0 && doubleHeld == 0 && unheldLive == 0;
        }

        /** Whether nothing moved between this reading and {@code later}: no request was still being served. */
        boolean sameAs(Findings later) {
            return reservations == later.reservations && liveSeats == later.liveSeats
                    && redisHeld == later.redisHeld;
        }

        List<String> report(int skipFirstSeconds) {
            List<Long> steady = holdsPerSecond.size() > skipFirstSeconds + 1
                    ? holdsPerSecond.subList(skipFirstSeconds, holdsPerSecond.size() - 1) : holdsPerSecond;
            return List.of(
                    String.format(Locale.ROOT, "holds: %,d reservations, %,d live seats", reservations, liveSeats),
                    String.format(Locale.ROOT, "successful holds per second after the ramp (%d s): mean %.0f,"
                                    + " min %d, max %d; every second: %s", steady.size(),
                            steady.stream().mapToLong(Long::longValue).average().orElse(0),
                            steady.stream().mapToLong(Long::longValue).min().orElse(0),
                            steady.stream().mapToLong(Long::longValue).max().orElse(0), holdsPerSecond),
                    String.format(Locale.ROOT, "audit: %d seats live twice in the database, %d seats Redis holds for"
                                    + " another reservation than the database, %d live seats Redis does not hold,"
                                    + " %d seats Redis holds for no live reservation (%,d held in Redis): %s",
                            doubleLive, doubleHeld, unheldLive, orphanHolds, redisHeld,
                            clean() ? "no double hold" : "DOUBLE HOLD OR LOST HOLD"));
        }
    }

    /**
     * Audits once the platform has finished: requests Gatling gave up on may still be in the services, between
     * taking their seats in Redis and writing their reservation, so it reads until two readings a second apart
     * agree (for at most a minute).
     */
    Findings auditWhenSettled(UUID eventId) {
        Findings previous = audit(eventId);
        for (int reading = 0; reading < 60; reading++) {
            Pause.pause(Duration.ofSeconds(1));
            Findings current = audit(eventId);
            if (current.sameAs(previous)) {
                return current;
            }
            previous = current;
        }
        System.out.println("the platform was still changing the event's holds a minute after the load ended");
        return previous;
    }

    private Findings audit(UUID eventId) {
        try (Connection db = config.connectAs("reservation_service")) {
            long reservations = count(db, "SELECT count(*) FROM reservations WHERE event_id = ?", eventId);
            long doubleLive = count(db, "SELECT count(*) FROM (SELECT seat_id FROM reservation_seats"
                    + " WHERE event_id = ? AND live GROUP BY seat_id HAVING count(*) > 1) twice", eventId);
            Map<String, String> liveHolder = new HashMap<>();
            Map<String, String> pendingHolder = new HashMap<>();
            try (PreparedStatement live = db.prepareStatement("SELECT s.seat_id, s.reservation_id, r.status"
                    + " FROM reservation_seats s JOIN reservations r ON r.id = s.reservation_id"
                    + " WHERE s.event_id = ? AND s.live")) {
                live.setObject(1, eventId);
                try (ResultSet rows = live.executeQuery()) {
                    while (rows.next()) {
                        liveHolder.put(rows.getString(1), rows.getString(2));
                        if ("PENDING".equals(rows.getString(3))) {
                            pendingHolder.put(rows.getString(1), rows.getString(2));
                        }
                    }
                }
            }
            Map<String, String> redisHolder = redisHolders(eventId);
            long doubleHeld = redisHolder.entrySet().stream().filter(held -> liveHolder.containsKey(held.getKey())
                    && !held.getValue().equals(liveHolder.get(held.getKey()))).count();
            long orphanHolds = redisHolder.keySet().stream().filter(seat -> !liveHolder.containsKey(seat)).count();
            long unheldLive = pendingHolder.entrySet().stream()
                    .filter(live -> !live.getValue().equals(redisHolder.get(live.getKey()))).count();
            return new Findings(reservations, liveHolder.size(), doubleLive, redisHolder.size(), doubleHeld,
                    orphanHolds, unheldLive, holdsPerSecond(db, eventId));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot audit reservation_service: " + e.getMessage(), e);
        }
    }

    /** seat id → reservation id of every seat Redis holds (a sold marker or an expired hold is no hold). */
    private Map<String, String> redisHolders(UUID eventId) {
        String prefix = HOLD_PREFIX.formatted(eventId);
        try (Jedis redis = new Jedis(redisHost, redisPort)) {
            List<String> seats = redis.zrange(prefix + "held", 0, -1);
            Pipeline pipeline = redis.pipelined();
            List<Response<String>> holders = seats.stream().map(seat -> pipeline.get(prefix + "seat:" + seat)).toList();
            pipeline.sync();
            Map<String, String> held = new HashMap<>();
            for (int i = 0; i < seats.size(); i++) {
                String holder = holders.get(i).get();
                if (holder != null && !holder.startsWith("sold:")) {
                    held.put(seats.get(i), holder);
                }
            }
            return held;
        }
    }

    /** Reservations of the event created in [from, to): the successful holds of a measured window. */
    long holdsCreated(UUID eventId, Instant from, Instant to) {
        try (Connection db = config.connectAs("reservation_service");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM reservations"
                     + " WHERE event_id = ? AND created_at >= ? AND created_at < ?")) {
            query.setObject(1, eventId);
            query.setTimestamp(2, java.sql.Timestamp.from(from));
            query.setTimestamp(3, java.sql.Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count holds: " + e.getMessage(), e);
        }
    }

    private static List<Long> holdsPerSecond(Connection db, UUID eventId) throws SQLException {
        TreeMap<Instant, Long> perSecond = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT date_trunc('second', created_at), count(*)"
                + " FROM reservations WHERE event_id = ? GROUP BY 1")) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    perSecond.put(rows.getTimestamp(1).toInstant(), rows.getLong(2));
                }
            }
        }
        List<Long> series = new ArrayList<>();
        if (!perSecond.isEmpty()) {
            for (Instant second = perSecond.firstKey(); !second.isAfter(perSecond.lastKey());
                 second = second.plusSeconds(1)) {
                series.add(perSecond.getOrDefault(second, 0L));
            }
        }
        return series;
    }

    private static long count(Connection db, String sql, UUID eventId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, eventId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
