package dev.tiketi.gateway.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tiketi.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedCacheConfig {

    @Bean
    SharedResponses sharedResponses(GatewayProperties properties) {
        GatewayProperties.SharedCache settings = properties.sharedCache();
        return new SharedResponses(settings.maxTtl(), settings.maxSize().toBytes(),
                Math.toIntExact(settings.maxEntrySize().toBytes()), Ticker.systemTicker());
    }
}
