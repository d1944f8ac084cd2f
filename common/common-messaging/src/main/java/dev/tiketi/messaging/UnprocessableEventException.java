package dev.tiketi.messaging;

/**
 * A consumed record that can never be processed, however often it is retried: it names things that do not
 * exist, or contradicts what the consumer knows. The error handler dead-letters it at once instead of
 * retrying. {@link dev.tiketi.events.MalformedEventException} is treated the same way.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }
}
