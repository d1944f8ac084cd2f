package dev.tiketi.gateway;

/** The bodies the measuring harnesses send and their trivial upstreams answer, shaped as the real ones. */
public final class HarnessBodies {

    /** A queue-status answer, as queue-service gives it. */
    public static final byte[] STATUS = """
            {"eventId":7,"state":"WAITING","position":1234,"ahead":1233,"estimatedWaitSeconds":95,"pollAfterMillis":3000}"""
            .getBytes();

    /** A hold request of two seats, as the web app sends it. */
    public static final String HOLD = """
            {"eventId":"5b0e4d2a-53a1-4c7e-9a3c-2a5e4c1d7f10","seatIds":["8c9a1f3e-1d2b-4c5a-9e8f-7a6b5c4d3e2f",\
            "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b"],"admissionToken":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl"}""";

    private HarnessBodies() {
    }
}
