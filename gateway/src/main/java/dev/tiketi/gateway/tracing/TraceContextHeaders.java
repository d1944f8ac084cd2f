package dev.tiketi.gateway.tracing;

import dev.tiketi.gateway.routing.ProxiedRequestHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

/**
 * Carries the trace downstream: the proxied request gets the trace context (W3C {@code traceparent}) of the
 * gateway's own span for the request, so a service's span is its child, instead of whatever trace headers the
 * client sent.
 *
 * <p>Spring Cloud Gateway does this with an observation of its own around every proxied call (a second span and a
 * timer per request, and two more headers filters), which was a tenth of the gateway's CPU per request in the queue
 * benchmark's profile; {@code spring.cloud.gateway.server.webflux.observability.enabled} is off and this writes the
 * same headers from the request's observation, which exists anyway. Sampled or not, the context travels, so a
 * service samples exactly the requests the gateway samples. Whatever trace headers the client sent are dropped.
 */
public class TraceContextHeaders implements ProxiedRequestHeaders {

    private final Propagator propagator;
    private final List<String> fields;

    public TraceContextHeaders(Propagator propagator) {
        this.propagator = propagator;
        this.fields = List.copyOf(propagator.fields());
    }

    @Override
    public boolean keeps(String name) {
        for (String field : fields) {
            if (field.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void write(HttpHeaders forwarded, ServerWebExchange exchange) {
        Span span = serverSpan(exchange);
        if (span != null) {
            propagator.inject(span.context(), forwarded, HttpHeaders::set);
        }
    }

    private static Span serverSpan(ServerWebExchange exchange) {
        ServerRequestObservationContext context =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
        if (context == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
