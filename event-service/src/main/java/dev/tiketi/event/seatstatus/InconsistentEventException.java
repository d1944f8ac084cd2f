package dev.tiketi.event.seatstatus;

import dev.tiketi.messaging.UnprocessableEventException;

/**
 * A well-formed reservation event naming an event or seats this service does not have. Retrying cannot
 * make them appear, so the record is dead-lettered for someone to look at.
 */
class InconsistentEventException extends UnprocessableEventException {

    InconsistentEventException(String message) {
        super(message);
    }
}
