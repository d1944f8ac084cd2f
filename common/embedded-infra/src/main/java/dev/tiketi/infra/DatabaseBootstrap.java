package dev.tiketi.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * Creates the {@code tiketi} database and, per service, a login role owning a schema of the same name.
 * Each role can connect to the database and use only its own schema: the {@code public} schema is closed
 * to everyone, and no role is granted anything on another service's schema. Safe to run on every start.
 */
public final class DatabaseBootstrap {

    private final String serverJdbcUrl;
    private final String superUser;
    private final String superUserPassword;

    /**
     * @param serverJdbcUrl a JDBC URL of the server without a database name, e.g. {@code jdbc:postgresql://localhost:5432/}
     */
    public DatabaseBootstrap(String serverJdbcUrl, String superUser, String superUserPassword) {
        this.serverJdbcUrl = serverJdbcUrl.endsWith("/") ? serverJdbcUrl : serverJdbcUrl + "/";
        this.superUser = superUser;
        this.superUserPassword = superUserPassword;
    }

    public void run(List<ServiceDatabase> services) {
        try {
            createDatabaseIfMissing();
            try (Connection connection = connect(ServiceDatabase.DATABASE_NAME);
                 Statement statement = connection.createStatement()) {
                statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
                statement.execute("REVOKE ALL ON DATABASE " + ServiceDatabase.DATABASE_NAME + " FROM PUBLIC");
                for (ServiceDatabase service : services) {
                    createRoleAndSchema(statement, service);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database bootstrap failed: " + e.getMessage(), e);
        }
    }

    public String databaseJdbcUrl() {
        return serverJdbcUrl + ServiceDatabase.DATABASE_NAME;
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = connect("postgres");
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + ServiceDatabase.DATABASE_NAME + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + ServiceDatabase.DATABASE_NAME);
            }
        }
    }

    private static void createRoleAndSchema(Statement statement, ServiceDatabase service) throws SQLException {
        String role = identifier(service.role());
        String password = service.localPassword().replace("'", "''");
        statement.execute("""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN PASSWORD '%2$s';
                  END IF;
                END $$""".formatted(role, password));
        statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + ServiceDatabase.DATABASE_NAME + " TO " + role);
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + identifier(service.schema()) + " AUTHORIZATION " + role);
        statement.execute("ALTER ROLE " + role + " SET search_path = " + identifier(service.schema()));
        for (String extension : service.extensions()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS " + identifier(extension)
                    + " SCHEMA " + identifier(service.schema()));
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", superUser);
        if (superUserPassword != null) {
            properties.setProperty("password", superUserPassword);
        }
        return DriverManager.getConnection(serverJdbcUrl + database, properties);
    }
}
