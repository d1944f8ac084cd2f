package dev.tiketi.testsupport;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A template on a Redis of its own connection, for tests of Redis code that need no Spring context. */
public final class TestRedis implements AutoCloseable {

    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate template;

    private TestRedis(String host, int port) {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connections.start();
        template = new StringRedisTemplate(connections);
    }

    /** The tests' Redis ({@link TestInfrastructure}). */
    public static TestRedis connect() {
        var endpoints = TestInfrastructure.endpoints();
        return new TestRedis(endpoints.redisHost(), endpoints.redisPort());
    }

    /** Nothing listens there (the discard port): for what code does when Redis cannot be reached. */
    public static TestRedis unreachable() {
        return new TestRedis("127.0.0.1", 9);
    }

    public StringRedisTemplate template() {
        return template;
    }

    @Override
    public void close() {
        connections.stop();
    }
}
