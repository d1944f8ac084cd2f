package dev.tiketi.events;

/**
 * A message that cannot be understood as a TIKETI event: not JSON, a required field missing or invalid,
 * or an event type this code does not know. Retrying cannot help; consumers dead-letter such records.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
