package dev.tiketi.clientaddress;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressRuleTest {

    private final ClientAddressRule loopback = ClientAddressRule.trusting(ClientAddressRule.LOOPBACK);
    private final ClientAddressRule ingress = ClientAddressRule.trusting("10.0.0.0/8, 127.0.0.1");

    @Test
    void withoutAForwardingHeaderThePeerIsTheClient() {
        assertThat(loopback.clientAddress("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        assertThat(loopback.clientAddress("203.0.113.9", List.of())).isEqualTo("203.0.113.9");
    }

    @Test
    void anUntrustedPeerCannotClaimAnotherAddress() {
        assertThat(loopback.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(ClientAddressRule.trusting("").clientAddress("127.0.0.1", List.of("198.51.100.1")))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aTrustedPeerIsBelievedUpToTheFirstAddressThatIsNotAProxy() {
        // the gateway (loopback) forwards what the ingress (10.x) vouched for
        assertThat(ingress.clientAddress("127.0.0.1", List.of("203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
        // the client wrote the leftmost hops itself: ignored
        assertThat(ingress.clientAddress("127.0.0.1", List.of("1.1.1.1, 8.8.8.8", "203.0.113.9, 10.1.2.3")))
                .isEqualTo("203.0.113.9");
        assertThat(ingress.believedChain("127.0.0.1", List.of("1.1.1.1, 203.0.113.9, 10.1.2.3")))
                .containsExactly("203.0.113.9", "10.1.2.3", "127.0.0.1");
    }

    @Test
    void aChainOfOnlyProxiesEndsAtItsLeftmostAddress() {
        assertThat(ingress.clientAddress("127.0.0.1", List.of("10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkAtTheLastVouchedAddress() {
        assertThat(ingress.clientAddress("127.0.0.1", List.of("evil.example, 10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(loopback.clientAddress("127.0.0.1", List.of("<script>"))).isEqualTo("127.0.0.1");
        assertThat(loopback.clientAddress("127.0.0.1", List.of("' OR 1=1 --"))).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6AndBracketsAndPrefixesWork() {
        ClientAddressRule v6 = ClientAddressRule.trusting("fd00::/8, ::1");
        assertThat(v6.clientAddress("0:0:0:0:0:0:0:1", List.of("2001:db8::7, fd12::1"))).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(v6.isTrustedProxy("[fd00::5]")).isTrue();
        assertThat(v6.isTrustedProxy("fe80::1")).isFalse();
        assertThat(ClientAddressRule.trusting("192.168.4.0/22").isTrustedProxy("192.168.7.255")).isTrue();
        assertThat(ClientAddressRule.trusting("192.168.4.0/22").isTrustedProxy("192.168.8.0")).isFalse();
        assertThat(ClientAddressRule.trusting("0.0.0.0/0").isTrustedProxy("203.0.113.9")).isTrue();
    }

    @Test
    void hostNamesAreNeverLookedUp() {
        assertThat(ClientAddressRule.parse("localhost")).isEmpty();
        assertThat(ClientAddressRule.parse("example.com")).isEmpty();
        assertThat(ClientAddressRule.parse("127.0.0.1")).isPresent();
    }

    @Test
    void badConfigurationIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddressRule.trusting("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddressRule.trusting("gateway"));
        assertThatIllegalArgumentException().isThrownBy(() -> ClientAddressRule.trusting("10.0.0.0/x"));
    }
}
