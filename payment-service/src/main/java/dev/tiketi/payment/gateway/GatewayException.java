package dev.tiketi.payment.gateway;

/**
 * The PG gave no decision. For an approval the outcome is then unknown (except for {@link Failure#CIRCUIT_OPEN},
 * where no request was sent at all); the payment stays PENDING and reconciliation asks the PG later.
 */
public class GatewayException extends RuntimeException {

    public enum Failure {
        /** the breaker is open: no request was sent */
        CIRCUIT_OPEN,
        /** no answer within the timeout */
        TIMEOUT,
        /** the connection failed or broke (maybe after the PG acted) */
        TRANSPORT,
        /** the PG answered 5xx, or something this client cannot read */
        PG_ERROR,
        /** the PG refused our credentials or request as such: a configuration problem on our side */
        REJECTED
    }

    private final Failure failure;

    public GatewayException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public GatewayException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
