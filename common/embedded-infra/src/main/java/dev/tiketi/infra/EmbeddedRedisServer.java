package dev.tiketi.infra;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Redis from the binaries inside the embedded-redis jar, running as a child process of this JVM. */
final class EmbeddedRedisServer implements AutoCloseable {

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param dataDirectory append-only file and snapshots are kept there when given; nothing is persisted
     *                      when {@code null}
     */
    static EmbeddedRedisServer start(int port, Path dataDirectory) {
        try {
            var builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("maxmemory 512mb")
                    .setting("maxmemory-policy noeviction");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // the append-only file is the persistence; Redis's default snapshot rules on top (a snapshot
                // after 10,000 changes in 60 s, and so on) fork and write the whole dataset every minute under
                // load: with a million people waiting (244 MB) each snapshot took 9-10 s of one of the two cores
                // and the queue benchmark's status p99 was 1.7 s (docs/benchmarks.md)
                builder.setting("dir " + dataDirectory.toAbsolutePath())
                        .setting("appendonly yes")
                        .setting("appendfsync everysec")
                        .setting("save \"\"");
            } else {
                builder.setting("save \"\"").setting("appendonly no");
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start", e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
