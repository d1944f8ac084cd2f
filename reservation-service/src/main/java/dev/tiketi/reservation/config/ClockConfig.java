package dev.tiketi.reservation.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * One clock for the service, ticking in milliseconds: hold expiries live in Redis as epoch milliseconds and in
 * PostgreSQL with microseconds, and a time must read back exactly as it was answered.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
