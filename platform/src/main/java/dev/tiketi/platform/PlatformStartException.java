package dev.tiketi.platform;

/** The platform did not come up; everything that had started has been stopped again. */
public class PlatformStartException extends RuntimeException {

    public PlatformStartException(String message) {
        super(message);
    }

    public PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
