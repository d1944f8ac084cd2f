package dev.tiketi.web.problem;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose only database connection is taken by another thread: a request that cannot get one within the
 * pool's timeout is load, not a bug — 503 {@code database-busy} with Retry-After, and no stack trace at ERROR.
 */
@SpringBootTest(classes = ConnectionPoolExhaustionTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ConnectionPoolExhaustionTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    /** Through a JdbcTemplate query and through the start of a transaction: Spring wraps the pool's timeout either way. */
    @ParameterizedTest
    @ValueSource(strings = {"/query", "/transaction"})
    void aRequestFindingThePoolExhaustedIsA503WithRetryAfterAndNoStackTrace(String path, CapturedOutput log)
            throws Exception {
        HttpResponse<String> refused;
        try (Connection held = dataSource.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            refused = get(path);
        }

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"database-busy\"").doesNotContain("Connection is not available");
        assertThat(log.getOut()).contains("No database connection within the pool's timeout, answered 503")
                .doesNotContain("Unhandled exception").doesNotContain("at com.zaxxer.hikari");

        HttpResponse<String> served = get(path);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("1");
    }

    @Test
    void anyOtherFailureIsStillA500LoggedWithItsStackTrace(CapturedOutput log) throws Exception {
        HttpResponse<String> failed = get("/broken");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Retry-After")).isEmpty();
        assertThat(failed.body()).contains("\"code\":\"internal-error\"");
        assertThat(log.getOut()).contains("Unhandled exception", "at org.springframework.jdbc");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres postgres() throws IOException {
            return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
        }

        @Bean(destroyMethod = "close")
        HikariDataSource dataSource(EmbeddedPostgres postgres) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(1);
            config.setConnectionTimeout(250);
            return new HikariDataSource(config);
        }

        @Bean
        PoolUser poolUser(DataSource dataSource) {
            return new PoolUser(new JdbcTemplate(dataSource),
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        }
    }

    @RestController
    record PoolUser(JdbcTemplate jdbc, TransactionTemplate transactions) {

        @GetMapping("/query")
        Integer query() {
            return jdbc.queryForObject("SELECT 1", Integer.class);
        }

        @GetMapping("/transaction")
        Integer transaction() {
            return transactions.execute(status -> jdbc.queryForObject("SELECT 1", Integer.class));
        }

        @GetMapping("/broken")
        Integer broken() {
            return jdbc.queryForObject("SELECT no_such_column FROM pg_class LIMIT 1", Integer.class);
        }
    }
}
