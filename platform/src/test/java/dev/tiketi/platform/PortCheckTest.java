package dev.tiketi.platform;

import dev.tiketi.infra.FreePorts;
import dev.tiketi.topology.Topology;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PortCheckTest {

    @Test
    void reportsAPortSomethingListensOnEvenIfOnlyOnLoopback() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int free = FreePorts.next();
            PortPlan plan = new PortPlan(Map.of("redis", taken.getLocalPort(), "kafka", free));

            assertThat(PortCheck.busyPorts(plan, List.of("redis", "kafka")))
                    .containsExactly(taken.getLocalPort() + " (redis)");
        }
    }

    @Test
    void everyPortComesFromTheTopologyIncludingTheGatewayManagementPort() {
        PortPlan plan = PortPlan.fromTopology(Topology.load());

        assertThat(plan.port("gateway")).isEqualTo(8080);
        assertThat(plan.port(PortPlan.GATEWAY_MANAGEMENT)).isEqualTo(8079);
        assertThat(plan.port("postgres")).isEqualTo(15432);
    }

    @Test
    void freePortsOfOnePlanAreAllDifferent() {
        for (int run = 0; run < 20; run++) {
            PortPlan plan = PortPlan.freePorts(Topology.load());
            assertThat(new java.util.HashSet<>(plan.ports().values())).hasSameSizeAs(plan.ports().values());
        }
    }

    @Test
    void theGatewayIsProbedOnItsManagementPortAndEveryOtherServiceOnItsOwn() {
        PortPlan plan = new PortPlan(Map.of("gateway", 1, PortPlan.GATEWAY_MANAGEMENT, 2, "queue-service", 3));

        assertThat(plan.healthPort("gateway")).isEqualTo(2);
        assertThat(plan.healthPort("queue-service")).isEqualTo(3);
    }
}
