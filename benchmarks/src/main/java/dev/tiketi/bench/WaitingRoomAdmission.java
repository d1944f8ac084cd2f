package dev.tiketi.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Buyers get their admission tokens the way real ones do, through the gateway and the waiting room: each enters,
 * the event's admission policy lets everyone in, and each reads its {@code qr_} token from its queue status. Set-up,
 * not measured; the holds the simulation measures then check these tokens like any other.
 */
final class WaitingRoomAdmission {

    /** The feeder attribute holding a buyer's admission token. */
    static final String ADMISSION = "admission";

    /** Parallel set-up requests: enough to keep the gateway busy without queueing inside the HTTP client. */
    private static final int PARALLEL_REQUESTS = 32;
    private static final Duration ADMISSION_WAIT = Duration.ofMinutes(5);

    private final TiketiClient admin;

    WaitingRoomAdmission(TiketiClient admin) {
        this.admin = admin;
    }

    /** Lets the event's waiting room admit as fast as the policy allows (SPEC: admission bounded only by it). */
    void admitFreely(UUID eventId) {
        admin.put("/api/admin/queue/" + eventId + "/policy",
                Map.of("type", "FIXED_RATE", "ratePerSecond", 10_000));
    }

    /** The buyers' feeder records, each with its {@value #ADMISSION} token for {@code eventId} added. */
    List<Map<String, Object>> admit(UUID eventId, List<Map<String, Object>> buyers) {
        long started = System.nanoTime();
        String queue = "/api/queue/" + eventId;
        forEach(buyers, buyer -> buyerClient(buyer).post(queue + "/enter", Map.of()));
        awaitEmptyWaitingRoom(eventId);
        List<Map<String, Object>> admitted = forEach(buyers, buyer -> {
            JsonNode status = buyerClient(buyer).get(queue + "/status");
            if (!"ADMITTED".equals(status.path("status").asText())) {
                throw new IllegalStateException("a buyer is still not admitted: " + Json.abbreviate(status.toString()));
            }
            Map<String, Object> record = new HashMap<>(buyer);
            record.put(ADMISSION, status.path("admissionToken").asText());
            return record;
        });
        System.out.printf(Locale.ROOT, "admitted %,d buyers through the waiting room in %.1f s%n", buyers.size(),
                (System.nanoTime() - started) / 1e9);
        return admitted;
    }

    private TiketiClient buyerClient(Map<String, Object> buyer) {
        return admin.as((String) buyer.get(SyntheticUsers.TOKEN));
    }

    private void awaitEmptyWaitingRoom(UUID eventId) {
        long deadline = System.nanoTime() + ADMISSION_WAIT.toNanos();
        while (admin.get("/api/admin/queue/" + eventId).path("waiting").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the waiting room of " + eventId + " did not empty in " + ADMISSION_WAIT);
            }
            Pause.pause(Duration.ofMillis(200));
        }
    }

    private static <T> List<T> forEach(List<Map<String, Object>> buyers, Function<Map<String, Object>, T> call) {
        try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS)) {
            List<Future<T>> results = buyers.stream().map(buyer -> pool.submit(() -> call.apply(buyer))).toList();
            return results.stream().map(WaitingRoomAdmission::join).toList();
        }
    }

    private static <T> T join(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while admitting buyers", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admitting a buyer failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
