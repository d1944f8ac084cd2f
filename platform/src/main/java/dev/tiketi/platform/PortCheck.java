package dev.tiketi.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Finds planned ports that something else already listens on, before anything is started. */
final class PortCheck {

    private PortCheck() {
    }

    /** @return one line per busy port, e.g. {@code 8081 (user-service)}; empty when all are free */
    static List<String> busyPorts(PortPlan plan, Collection<String> names) {
        List<String> busy = new ArrayList<>();
        for (String name : names) {
            int port = plan.port(name);
            if (!isFree(port)) {
                busy.add(port + " (" + name + ")");
            }
        }
        return busy;
    }

    /**
     * Binds the wildcard address, as the services do: on Linux that fails while anything listens on the port
     * on any local address, loopback included.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
