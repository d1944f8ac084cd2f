package dev.tiketi.gateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProxiedHeadersFilterTest {

    private final ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/events"));

    /** Drops headers starting with its prefix, in any case, and writes one header of its own. */
    private record Rule(String droppedPrefix, String header, String value) implements ProxiedRequestHeaders {

        @Override
        public boolean keeps(String name) {
            return !name.regionMatches(true, 0, droppedPrefix, 0, droppedPrefix.length());
        }

        @Override
        public void write(HttpHeaders forwarded, ServerWebExchange exchange) {
            forwarded.set(header, value);
        }
    }

    @Test
    void everyRuleDropsAndWritesInOneCopyAndTheClientsOtherHeadersGoOn() {
        HttpHeaders client = new HttpHeaders();
        client.add("Accept", "application/json");
        client.add("X-User-Id", "forged");
        client.add("x-user-role", "ADMIN");
        client.add("Traceparent", "00-client");
        client.addAll("Cookie", List.of("a=1", "b=2"));
        HttpHeaders input = HttpHeaders.readOnlyHttpHeaders(client);
        var filter = new ProxiedHeadersFilter(List.of(new Rule("x-user-", "X-User-Id", "verified"),
                new Rule("traceparent", "traceparent", "00-gateway")));

        HttpHeaders forwarded = filter.filter(input, exchange);

        assertThat(forwarded.headerNames()).containsExactlyInAnyOrder("Accept", "Cookie", "X-User-Id", "traceparent");
        assertThat(forwarded.get("X-User-Id")).containsExactly("verified");
        assertThat(forwarded.get("x-user-role")).isNull();
        assertThat(forwarded.get("traceparent")).containsExactly("00-gateway");
        assertThat(forwarded.get("Cookie")).containsExactly("a=1", "b=2");
        assertThat(input.get("X-User-Id")).as("the client's request is left as it came").containsExactly("forged");
    }

    @Test
    void withoutRulesTheHeadersGoOnAsTheyCame() {
        HttpHeaders client = new HttpHeaders();
        client.add("Accept", "text/event-stream");

        HttpHeaders forwarded = new ProxiedHeadersFilter(List.of()).filter(client, exchange);

        assertThat(forwarded.headerNames()).containsExactly("Accept");
        assertThat(forwarded).isNotSameAs(client);
    }
}
