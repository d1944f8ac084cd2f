package dev.tiketi.payment.reservation;

import dev.tiketi.events.ReservationCancelled;
import dev.tiketi.events.ReservationConfirmed;
import dev.tiketi.events.ReservationEvent;
import dev.tiketi.events.ReservationExpired;
import dev.tiketi.events.ReservationHeld;
import dev.tiketi.events.ReservationPaymentRejected;
import dev.tiketi.payment.reservation.CopiedReservation.Status;
import dev.tiketi.payment.reservation.ReservationCopyRules.Fact;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy's rules: the same set of events gives the same copy, whatever their order and however often each came. */
class ReservationCopyRulesTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant EXPIRES = T0.plusSeconds(300);
    private final UUID id = UUID.randomUUID();
    private final UUID buyer = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final List<UUID> seats = List.of(UUID.randomUUID(), UUID.randomUUID());

    /** A whole paid-then-cancelled life: hold, seat change, payment, the buyer's cancellation. */
    private final List<Fact> paidThenCancelled = List.of(
            fact(held(200_000, "Aurora Live"), 1),
            fact(held(330_000, "Aurora Live"), 2),
            fact(new ReservationConfirmed(id, event, buyer, seats, 330_000), 3),
            fact(new ReservationCancelled(id, event, buyer, seats, "USER_CANCELLED", true), 4));

    @Test
    void aHoldMakesAPayableCopyWithItsAmountExpiryAndTitle() {
        CopiedReservation copy = apply(List.of(fact(held(330_000, "Aurora Live"), 1))).orElseThrow();

        assertThat(copy).isEqualTo(new CopiedReservation(id, buyer, event, Status.PENDING, 1, 330_000L, EXPIRES,
                "Aurora Live", 1L, T0.plusSeconds(1)));
    }

    @Test
    void everyOrderOfArrivalGivesTheSameCopy() {
        Set<CopiedReservation> outcomes = new HashSet<>();
        for (List<Fact> order : permutations(paidThenCancelled)) {
            outcomes.add(apply(order).orElseThrow());
        }

        assertThat(outcomes).containsExactly(new CopiedReservation(id, buyer, event, Status.CANCELLED, 4, 330_000L,
                EXPIRES, "Aurora Live", 2L, T0.plusSeconds(4)));
    }

    @Test
    void duplicatesAndReplaysChangeNothing() {
        CopiedReservation once = apply(paidThenCancelled).orElseThrow();
        List<Fact> twice = new ArrayList<>(paidThenCancelled);
        twice.addAll(paidThenCancelled.reversed());
        twice.addAll(paidThenCancelled);

        assertThat(apply(twice)).contains(once);
        for (Fact fact : paidThenCancelled) {
            assertThat(ReservationCopyRules.merge(Optional.of(once), fact)).as("no change to write").isEmpty();
        }
    }

    @Test
    void aHoldArrivingAfterItsCancellationDoesNotBringItBack() {
        Fact hold = fact(held(330_000, "Aurora Live"), 1);
        Fact released = fact(new ReservationCancelled(id, event, buyer, seats, "USER_RELEASED", false), 2);

        CopiedReservation cancelledFirst = apply(List.of(released)).orElseThrow();
        assertThat(cancelledFirst.status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelledFirst.totalAmount()).as("a cancellation carries no amount").isNull();

        CopiedReservation afterTheLateHold = ReservationCopyRules.merge(Optional.of(cancelledFirst), hold).orElseThrow();
        assertThat(afterTheLateHold.status()).isEqualTo(Status.CANCELLED);
        assertThat(afterTheLateHold.version()).isEqualTo(2);
        assertThat(afterTheLateHold.totalAmount()).as("its details are still taken").isEqualTo(330_000L);
        assertThat(afterTheLateHold).isEqualTo(apply(List.of(hold, released)).orElseThrow());
    }

    @Test
    void anExpiredHoldStaysExpiredWhateverComesLate() {
        Fact hold = fact(held(330_000, "Aurora Live"), 1);
        Fact expired = fact(new ReservationExpired(id, event, buyer, seats), 2);

        assertThat(apply(List.of(expired, hold, hold)).orElseThrow().status()).isEqualTo(Status.EXPIRED);
        assertThat(apply(List.of(hold, expired, hold)).orElseThrow().status()).isEqualTo(Status.EXPIRED);
    }

    @Test
    void anOlderSeatChangeNeverOverwritesANewerOne() {
        Fact first = fact(held(200_000, "Aurora Live"), 1);
        Fact changed = fact(held(330_000, "Aurora Live"), 2);

        CopiedReservation copy = apply(List.of(changed, first)).orElseThrow();

        assertThat(copy.status()).isEqualTo(Status.PENDING);
        assertThat(copy.totalAmount()).isEqualTo(330_000L);
        assertThat(copy.heldVersion()).isEqualTo(2L);
    }

    @Test
    void aRejectedPaymentChangesNoReservation() {
        var rejected = new ReservationPaymentRejected(id, event, buyer, UUID.randomUUID(), 330_000, "RESERVATION_EXPIRED");

        assertThat(ReservationCopyRules.fact(rejected, 2, T0)).isEmpty();
    }

    @Test
    void twoStatusesOfOneVersionKeepTheLaterInTheReservationsLife() {
        // reservation-service never writes this; if it ever did, no order of arrival may reopen a hold
        Fact hold = fact(held(330_000, "Aurora Live"), 2);
        Fact cancelled = fact(new ReservationCancelled(id, event, buyer, seats, "USER_RELEASED", false), 2);

        assertThat(apply(List.of(hold, cancelled)).orElseThrow().status()).isEqualTo(Status.CANCELLED);
        assertThat(apply(List.of(cancelled, hold)).orElseThrow().status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void aHoldWithoutTitleHasNoneAndALongTitleIsCut() {
        assertThat(apply(List.of(fact(held(1_000, null), 1))).orElseThrow().eventTitle()).isNull();
        assertThat(apply(List.of(fact(held(1_000, "  "), 1))).orElseThrow().eventTitle()).isNull();
        assertThat(apply(List.of(fact(held(1_000, "x".repeat(300)), 1))).orElseThrow().eventTitle()).hasSize(200);
    }

    private ReservationHeld held(long total, String title) {
        return new ReservationHeld(id, event, buyer, List.of(new ReservationHeld.Seat(seats.get(0), "R", total)), total,
                EXPIRES, title);
    }

    private static Fact fact(ReservationEvent event, long version) {
        return ReservationCopyRules.fact(event, version, T0.plusSeconds(version)).orElseThrow();
    }

    /** The copy after the facts in this order, each merged into what the ones before left. */
    private static Optional<CopiedReservation> apply(List<Fact> facts) {
        Optional<CopiedReservation> copy = Optional.empty();
        for (Fact fact : facts) {
            Optional<CopiedReservation> next = ReservationCopyRules.merge(copy, fact);
            if (next.isPresent()) {
                copy = next;
            }
        }
        return copy;
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
