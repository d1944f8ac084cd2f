package dev.tiketi.reservation.hold;

import dev.tiketi.reservation.booking.SeatsChanged.Change;
import dev.tiketi.reservation.config.ReservationProperties;
import dev.tiketi.reservation.queue.QueueGate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Seat holds in Redis: the fast path that keeps buyers from racing for the same seat, one Lua script per
 * change so that several seats are taken or freed together. The database stays the last line against double
 * sale (see {@code reservation_seats_one_live}). Every change is announced on the event's
 * {@link HoldKeys#changes channel} for the live seat maps.
 */
@Component
public class SeatHolds {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = script("take.lua", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RELEASE = script("release.lua", List.class);
    private static final RedisScript<Long> SELL = script("sell.lua", Long.class);

    /**
     * A script read once. One made from the resource itself ({@code RedisScript.of(Resource)}) asks for the file's
     * modification time before every call, to reload an edited file; inside the service jar that opens the jar
     * entry each time, under a lock every hold shares (seen in the hold benchmark's profile, docs/benchmarks.md).
     */
    private static <T> RedisScript<T> script(String fileName, Class<T> resultType) {
        ClassPathResource resource = new ClassPathResource("scripts/" + fileName);
        try {
            return RedisScript.of(resource.getContentAsString(StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + resource.getPath(), e);
        }
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Duration soldMarkerTtl;

    SeatHolds(StringRedisTemplate redis, JsonMapper json, ReservationProperties properties) {
        this.redis = redis;
        this.json = json;
        this.soldMarkerTtl = properties.seatMap().soldMarkerTtl();
    }

    /** A seat that could not be held, and whether it is HELD by someone else or SOLD. */
    public record Refusal(UUID seatId, String state) {
    }

    /**
     * What a new hold's take found: the seats that refused (empty when all are held now), and whether the buyer's
     * hold marker for the event is there ({@link HoldKeys#buyerHold}). Without it the buyer has taken no hold for
     * the event within a hold's lifetime (or Redis lost it, and {@link RedisRecovery} has not put it back yet).
     */
    public record Taken(List<Refusal> refusals, boolean buyerMayHoldAlready) {
    }

    /**
     * Holds every seat for the reservation until {@code expiresAt}, or none.
     *
     * @return the seats that refused; empty when all are held
     */
    public List<Refusal> take(UUID eventId, UUID reservationId, List<UUID> seatIds, Instant expiresAt, Instant now) {
        return refusals(execute(eventId, reservationId, seatIds, expiresAt, now, List.of()));
    }

    /**
     * {@link #take}, for a buyer's new hold under an admission: nothing is taken, and 403
     * {@code admission-token-invalid} thrown, once the waiting room has ended the admission (its tombstone at
     * {@code admissionRevokedKey} is there). A hold taken sets the buyer's hold marker for as long as it lasts.
     */
    public Taken takeAdmitted(UUID eventId, UUID reservationId, List<UUID> seatIds, Instant expiresAt, Instant now,
                              QueueGate.Admission admission, UUID userId) {
        List<?> answer = execute(eventId, reservationId, seatIds, expiresAt, now,
                List.of(admission.revokedKey(), HoldKeys.buyerHold(eventId, userId)));
        return new Taken(refusals(answer), !answer.isEmpty() && "1".equals(answer.getFirst()));
    }

    /** A live hold put back after Redis lost its data: its buyer's marker too, until the hold ends. */
    public void rememberBuyerHold(UUID eventId, UUID userId, UUID reservationId, Instant expiresAt, Instant now) {
        redis.opsForValue().set(HoldKeys.buyerHold(eventId, userId), reservationId.toString(),
                Duration.ofMillis(remainingMillis(expiresAt, now)));
    }

    /** @param newHoldKeys none, or a new hold's admission tombstone and buyer hold marker */
    private List<?> execute(UUID eventId, UUID reservationId, List<UUID> seatIds, Instant expiresAt, Instant now,
                            List<String> newHoldKeys) {
        List<String> args = new ArrayList<>(List.of(reservationId.toString(),
                Long.toString(remainingMillis(expiresAt, now)),
                Long.toString(expiresAt.toEpochMilli()), Long.toString(now.toEpochMilli()),
                newHoldKeys.isEmpty() ? "0" : "1"));
        seatIds.forEach(seat -> args.add(seat.toString()));
        List<String> first = new ArrayList<>(List.of(HoldKeys.heldIndex(eventId), HoldKeys.soldIndex(eventId)));
        first.addAll(newHoldKeys);
        List<?> answer = redis.execute(TAKE, keys(eventId, seatIds, first.toArray(String[]::new)), args.toArray());
        if (answer.size() == 1 && "ADMISSION_REVOKED".equals(answer.getFirst())) {
            throw QueueGate.admissionRevoked();
        }
        return answer;
    }

    /** A hold's time left, at least a millisecond (Redis refuses a TTL of zero). */
    private static long remainingMillis(Instant expiresAt, Instant now) {
        return Math.max(1, expiresAt.toEpochMilli() - now.toEpochMilli());
    }

    /** The script's answer: empty, or whether the marker is there followed by seat id and state per refused seat. */
    private static List<Refusal> refusals(List<?> answer) {
        List<Refusal> refusals = new ArrayList<>();
        for (int i = 1; i + 1 < answer.size(); i += 2) {
            refusals.add(new Refusal(UUID.fromString((String) answer.get(i)), (String) answer.get(i + 1)));
        }
        return refusals;
    }

    /** Gives back holds the reservation took, saying nothing: nobody was told they were held. */
    public void giveBack(UUID eventId, UUID reservationId, List<UUID> seatIds) {
        free(eventId, HoldKeys.heldIndex(eventId), reservationId.toString(), seatIds);
    }

    /** Frees seats the reservation holds and announces them RELEASED. */
    public void release(UUID eventId, UUID reservationId, List<UUID> seatIds) {
        announce(eventId, Change.RELEASED, free(eventId, HoldKeys.heldIndex(eventId), reservationId.toString(), seatIds));
    }

    public void announceHeld(UUID eventId, List<UUID> seatIds) {
        announce(eventId, Change.HELD, seatIds);
    }

    /** The reservation was paid: its seats refuse every hold from now on, and are announced SOLD. */
    public void sell(UUID eventId, UUID reservationId, List<UUID> seatIds, Instant now) {
        List<String> args = new ArrayList<>(List.of(reservationId.toString(), Long.toString(soldMarkerTtl.toMillis()),
                Long.toString(now.plus(soldMarkerTtl).toEpochMilli())));
        seatIds.forEach(seat -> args.add(seat.toString()));
        redis.execute(SELL, keys(eventId, seatIds, HoldKeys.heldIndex(eventId), HoldKeys.soldIndex(eventId)),
                args.toArray());
        announce(eventId, Change.SOLD, seatIds);
    }

    /** A paid booking was cancelled: its sold markers go, and the seats are announced RELEASED. */
    public void unsell(UUID eventId, UUID reservationId, List<UUID> seatIds) {
        announce(eventId, Change.RELEASED,
                free(eventId, HoldKeys.soldIndex(eventId), HoldKeys.SOLD_PREFIX + reservationId, seatIds));
    }

    /** Seats whose hold lasts beyond {@code now}: one range read of the event's index, no key scan. */
    public Set<UUID> held(UUID eventId, Instant now) {
        return current(HoldKeys.heldIndex(eventId), now);
    }

    /**
     * Seats sold here at {@code since} or later whose marker is still there: a marker lasts
     * {@code sold-marker-ttl} from the sale and is scored by when it ends, so this is one range read.
     */
    public Set<UUID> soldSince(UUID eventId, Instant since, Instant now) {
        Instant endsFrom = since.plus(soldMarkerTtl);
        return current(HoldKeys.soldIndex(eventId), endsFrom.isAfter(now) ? endsFrom : now);
    }

    private Set<UUID> current(String index, Instant after) {
        Set<String> members = redis.opsForZSet().rangeByScore(index, after.toEpochMilli() + 1, Double.POSITIVE_INFINITY);
        return members == null ? Set.of() : members.stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    private List<UUID> free(UUID eventId, String index, String expectedHolder, List<UUID> seatIds) {
        if (seatIds.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(List.of(expectedHolder));
        seatIds.forEach(seat -> args.add(seat.toString()));
        List<?> freed = redis.execute(RELEASE, keys(eventId, seatIds, index), args.toArray());
        return freed.stream().map(seat -> UUID.fromString((String) seat)).toList();
    }

    private void announce(UUID eventId, Change change, List<UUID> seatIds) {
        if (seatIds.isEmpty()) {
            return;
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("eventId", eventId);
        message.put("status", change);
        message.put("seatIds", seatIds);
        redis.convertAndSend(HoldKeys.changes(eventId), json.writeValueAsString(message));
    }

    private static List<String> keys(UUID eventId, List<UUID> seatIds, String... first) {
        return Stream.concat(Stream.of(first), seatIds.stream().map(seat -> HoldKeys.seat(eventId, seat))).toList();
    }
}
