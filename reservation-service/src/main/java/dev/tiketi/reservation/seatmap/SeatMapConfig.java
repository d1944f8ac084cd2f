package dev.tiketi.reservation.seatmap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Seat changes arrive over Redis pub/sub; {@link SeatMapStreams} subscribes per event as streams open. */
@Configuration(proxyBeanMethods = false)
class SeatMapConfig {

    @Bean
    RedisMessageListenerContainer seatChangeChannels(RedisConnectionFactory connections) {
        var container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        return container;
    }
}
