package dev.tiketi.infra;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaIsolationTest {

    private static EmbeddedInfrastructure infrastructure;

    @BeforeAll
    static void start() {
        infrastructure = EmbeddedInfrastructure.start(EmbeddedInfrastructure.Ports.ANY, null);
    }

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    @Test
    void eachServiceRoleWorksInItsOwnSchemaByDefault() throws SQLException {
        for (ServiceDatabase service : ServiceDatabase.ALL) {
            try (Connection connection = connectAs(service); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE probe_" + service.role() + " (id int primary key)");
                statement.execute("INSERT INTO probe_" + service.role() + " VALUES (1)");
                var schema = statement.executeQuery("SELECT table_schema FROM information_schema.tables"
                        + " WHERE table_name = 'probe_" + service.role() + "'");
                assertThat(schema.next()).isTrue();
                assertThat(schema.getString(1)).isEqualTo(service.schema());
            }
        }
    }

    @Test
    void aServiceRoleIsRefusedOnAnotherServicesSchema() throws SQLException {
        ServiceDatabase users = ServiceDatabase.forRole("user_service");
        ServiceDatabase events = ServiceDatabase.forRole("event_service");
        try (Connection owner = connectAs(users); Statement statement = owner.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS secrets (id int)");
        }
        try (Connection intruder = connectAs(events); Statement statement = intruder.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM user_service.secrets"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema user_service");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE user_service.planted (id int)"))
                    .hasMessageContaining("permission denied for schema user_service");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE public.shared (id int)"))
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void bootstrapCanRunAgainOnAnExistingDatabase() {
        var bootstrap = new DatabaseBootstrap(infrastructure.endpoints().postgresServerUrl(), "postgres", null);
        bootstrap.run(ServiceDatabase.ALL);
        bootstrap.run(ServiceDatabase.ALL);
    }

    private static Connection connectAs(ServiceDatabase service) throws SQLException {
        return DriverManager.getConnection(infrastructure.endpoints().databaseUrl(), service.role(), service.localPassword());
    }
}
