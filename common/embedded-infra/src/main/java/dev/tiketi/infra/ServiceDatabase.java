package dev.tiketi.infra;

import java.util.List;

/**
 * A service's slice of the shared PostgreSQL instance: one schema owned by one login role of the same name.
 * The password here is the local-development default; real deployments pass their own through the
 * environment ({@code DB_PASSWORD}). Extensions are installed into the service's own schema, so that no role
 * needs rights on a shared one.
 */
public record ServiceDatabase(String role, String localPassword, List<String> extensions) {

    public static final String DATABASE_NAME = "tiketi";

    public static final List<ServiceDatabase> ALL = List.of(
            new ServiceDatabase("user_service", "user_service_local", List.of()),
            new ServiceDatabase("event_service", "event_service_local", List.of("pg_trgm")),
            new ServiceDatabase("reservation_service", "reservation_service_local", List.of()),
            new ServiceDatabase("payment_service", "payment_service_local", List.of()));

    public String schema() {
        return role;
    }

    public static ServiceDatabase forRole(String role) {
        return ALL.stream()
                .filter(database -> database.role.equals(role))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service database for role " + role));
    }
}
