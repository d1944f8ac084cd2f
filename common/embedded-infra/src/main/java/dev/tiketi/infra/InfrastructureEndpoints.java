package dev.tiketi.infra;

/**
 * Where the running infrastructure can be reached.
 *
 * @param postgresServerUrl JDBC URL of the PostgreSQL server without database, ending in {@code /}
 * @param databaseUrl       JDBC URL of the {@code tiketi} database
 */
public record InfrastructureEndpoints(
        String postgresServerUrl,
        String databaseUrl,
        String redisHost,
        int redisPort,
        String kafkaBootstrapServers) {
}
