package dev.tiketi.payment.gateway.simulated;

import dev.tiketi.payment.gateway.simulated.SimulatedCards.Behaviour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCardsTest {

    @Test
    void testCardsHaveTheirDocumentedBehaviour() {
        assertThat(SimulatedCards.behaviour(SimulatedCards.APPROVE)).isEqualTo(Behaviour.APPROVE);
        assertThat(SimulatedCards.behaviour(SimulatedCards.DECLINE)).isEqualTo(Behaviour.DECLINE);
        assertThat(SimulatedCards.behaviour(SimulatedCards.INSUFFICIENT_FUNDS)).isEqualTo(Behaviour.DECLINE_INSUFFICIENT_FUNDS);
        assertThat(SimulatedCards.behaviour(SimulatedCards.SLOW)).isEqualTo(Behaviour.APPROVE_SLOWLY);
        assertThat(SimulatedCards.behaviour(SimulatedCards.TIMEOUT)).isEqualTo(Behaviour.HANG);
        assertThat(SimulatedCards.behaviour(SimulatedCards.RESPONSE_LOST)).isEqualTo(Behaviour.APPROVE_AND_LOSE_RESPONSE);
    }

    @Test
    void otherNumbersAreApprovedWhenTheyPassTheLuhnCheck() {
        assertThat(SimulatedCards.behaviour("5555555555554444")).isEqualTo(Behaviour.APPROVE);
        assertThat(SimulatedCards.behaviour("378282246310005")).isEqualTo(Behaviour.APPROVE);
        assertThat(SimulatedCards.behaviour("4111111111111112")).isEqualTo(Behaviour.DECLINE_INVALID_NUMBER);
        assertThat(SimulatedCards.behaviour("12ab")).isEqualTo(Behaviour.DECLINE_INVALID_NUMBER);
    }

    @Test
    void everyTestCardIsAValidCardNumber() {
        for (String card : new String[] {SimulatedCards.APPROVE, SimulatedCards.DECLINE, SimulatedCards.INSUFFICIENT_FUNDS,
                SimulatedCards.SLOW, SimulatedCards.TIMEOUT, SimulatedCards.RESPONSE_LOST}) {
            assertThat(SimulatedCards.luhnValid(card)).as(card).isTrue();
        }
    }
}
