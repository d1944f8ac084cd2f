package dev.tiketi.event.admin;

import dev.tiketi.web.problem.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Two admins racing on the same venue, hall or event get past the explicit checks only in a narrow window;
 * the database constraints then decide, and the loser hears a 409 rather than a 500.
 */
@RestControllerAdvice(assignableTypes = {AdminVenueController.class, AdminEventController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminConflictAdvice {

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> conflict() {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemTypes.of(HttpStatus.CONFLICT,
                "concurrent-change", "Someone else changed this at the same time. Reload and try again."));
    }
}
