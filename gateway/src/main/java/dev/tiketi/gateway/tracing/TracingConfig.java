package dev.tiketi.gateway.tracing;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TracingConfig {

    @Bean
    TraceContextHeaders traceContextHeaders(Propagator propagator) {
        return new TraceContextHeaders(propagator);
    }
}
