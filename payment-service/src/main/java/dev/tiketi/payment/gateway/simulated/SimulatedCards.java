package dev.tiketi.payment.gateway.simulated;

import java.util.Map;

/**
 * The simulated PG's test cards: what charging each number does. Any other number is approved when it
 * passes the Luhn check (like a real card) and declined as invalid otherwise.
 */
public final class SimulatedCards {

    public static final String APPROVE = "4111111111111111";
    public static final String DECLINE = "4000000000000002";
    public static final String INSUFFICIENT_FUNDS = "4000000000009995";
    public static final String SLOW = "4000000000000101";
    public static final String TIMEOUT = "4000000000000119";
    public static final String RESPONSE_LOST = "4000000000000259";

    /** What the simulated PG does with a charge. */
    public enum Behaviour {
        /** approve at once */
        APPROVE,
        /** approve after the configured slow latency */
        APPROVE_SLOWLY,
        /** refuse: the card is declined */
        DECLINE,
        /** refuse: not enough money */
        DECLINE_INSUFFICIENT_FUNDS,
        /** refuse: the number is not a card number */
        DECLINE_INVALID_NUMBER,
        /** hang longer than the caller waits, then record nothing: no charge */
        HANG,
        /** approve and record the charge, but the answer never reaches the caller (a broken connection) */
        APPROVE_AND_LOSE_RESPONSE
    }

    private static final Map<String, Behaviour> TEST_CARDS = Map.of(
            APPROVE, Behaviour.APPROVE,
            DECLINE, Behaviour.DECLINE,
            INSUFFICIENT_FUNDS, Behaviour.DECLINE_INSUFFICIENT_FUNDS,
            SLOW, Behaviour.APPROVE_SLOWLY,
            TIMEOUT, Behaviour.HANG,
            RESPONSE_LOST, Behaviour.APPROVE_AND_LOSE_RESPONSE);

    private SimulatedCards() {
    }

    public static Behaviour behaviour(String cardNumber) {
        Behaviour testCard = TEST_CARDS.get(cardNumber);
        if (testCard != null) {
            return testCard;
        }
        return luhnValid(cardNumber) ? Behaviour.APPROVE : Behaviour.DECLINE_INVALID_NUMBER;
    }

    static boolean luhnValid(String number) {
        if (number == null || !number.matches("\\d{12,19}")) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
