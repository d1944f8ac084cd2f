package dev.tiketi.reservation.hold;

import dev.tiketi.web.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * 409 {@code seats-unavailable}: some of the asked-for seats are held by someone else or sold. The problem
 * lists them ({@code seats: [{seatId, state}]}) so that a seat map can grey them out without a reload.
 */
class SeatsUnavailable extends ApiException {

    private final List<SeatHolds.Refusal> seats;

    SeatsUnavailable(List<SeatHolds.Refusal> seats) {
        super(HttpStatus.CONFLICT, "seats-unavailable", "Some of these seats are already held or sold; choose others.");
        this.seats = List.copyOf(seats);
    }

    @Override
    public ProblemDetail toProblem() {
        ProblemDetail problem = super.toProblem();
        problem.setProperty("seats", seats);
        return problem;
    }
}
