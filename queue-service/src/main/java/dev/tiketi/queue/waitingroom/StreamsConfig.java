package dev.tiketi.queue.waitingroom;

import dev.tiketi.queue.config.QueueKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.nio.charset.StandardCharsets;

/** Every instance listens for admissions and closed rooms, wherever the tick ran, to push them down its own streams. */
@Configuration(proxyBeanMethods = false)
class StreamsConfig {

    @Bean
    RedisMessageListenerContainer admissionsListener(RedisConnectionFactory connections, QueueStreams streams) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.addMessageListener((message, pattern) -> streams.admitted(
                new String(message.getBody(), StandardCharsets.UTF_8)), new ChannelTopic(QueueKeys.ADMISSIONS_CHANNEL));
        container.addMessageListener((message, pattern) -> streams.closed(
                new String(message.getBody(), StandardCharsets.UTF_8)), new ChannelTopic(QueueKeys.CLOSED_CHANNEL));
        return container;
    }
}
