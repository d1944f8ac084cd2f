package dev.tiketi.platform;

import dev.tiketi.infra.FreePorts;
import dev.tiketi.topology.Topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The port of every process of one platform run, by topology name ({@code gateway}, {@code postgres},
 * {@code gateway-management}, …). The CLI uses the topology's fixed ports; tests take free ones so that they can
 * run next to anything else on the machine.
 */
public record PortPlan(Map<String, Integer> ports) {

    public static final String POSTGRES = "postgres";
    public static final String REDIS = "redis";
    public static final String KAFKA = "kafka";
    /** The gateway's actuator listens apart from its public port. */
    public static final String GATEWAY_MANAGEMENT = "gateway-management";

    private static final String GATEWAY = "gateway";

    public PortPlan {
        ports = Map.copyOf(ports);
    }

    public static PortPlan fromTopology(Topology topology) {
        return new PortPlan(topology.ports());
    }

    /** Every process of the topology on a port that is free right now. */
    public static PortPlan freePorts(Topology topology) {
        List<String> names = List.copyOf(topology.ports().keySet());
        List<Integer> free = FreePorts.distinct(names.size());
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            ports.put(names.get(i), free.get(i));
        }
        return new PortPlan(ports);
    }

    public int port(String name) {
        Integer port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port planned for " + name);
        }
        return port;
    }

    /** The port that answers the service's health probes. */
    public int healthPort(String service) {
        return GATEWAY.equals(service) ? port(GATEWAY_MANAGEMENT) : port(service);
    }
}
