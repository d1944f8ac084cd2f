package dev.tiketi.gateway.ratelimit;

import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfig {

    @Bean
    WindowCounters windowCounters(StringRedisTemplate redis, GatewayProperties properties) {
        return new WindowCounters(redis, properties.rateLimitSync());
    }
}
