package dev.tiketi.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** PostgreSQL 18 from the zonky binaries, running as a child process of this JVM. */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param port          0 for any free port
     * @param dataDirectory kept between runs when given; a fresh temporary one when {@code null}
     */
    static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "128MB")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                // Kept data must survive a crash: zonky's defaults switch fsync off. The owner of a persistent
                // instance stops it itself, after the services that use it, so zonky's own hook stays out.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            } else {
                // Tests throw their database away: durability only costs time there.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    String serverUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
