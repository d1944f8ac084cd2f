package dev.tiketi.queue.event;

import dev.tiketi.queue.config.QueueProperties;
import dev.tiketi.queue.support.EventServiceStub;
import dev.tiketi.testsupport.TestServiceTokens;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCatalogTest {

    private static QueueProperties cachingFor(Duration ttl) {
        return new QueueProperties(10, ttl, Duration.ofSeconds(1), null);
    }

    @Test
    void readsAndCachesTheEventStatus() {
        var catalog = new EventCatalog(EventServiceStub.instance().baseUrl(), cachingFor(Duration.ofMinutes(1)), TestServiceTokens.credentials("queue-service"));
        UUID event = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        EventServiceStub.instance().status(unknown, "UNKNOWN");

        assertThat(catalog.find(event)).hasValueSatisfying(summary -> assertThat(summary.onSale()).isTrue());
        EventServiceStub.instance().status(event, "SOLD_OUT");
        assertThat(catalog.find(event)).as("cached").hasValueSatisfying(summary -> assertThat(summary.onSale()).isTrue());
        assertThat(catalog.find(unknown)).isEmpty();
    }

    @Test
    void anUnreachableEventServiceIsA503Problem() {
        var catalog = new EventCatalog("http://127.0.0.1:1", cachingFor(Duration.ofSeconds(3)), TestServiceTokens.credentials("queue-service"));

        assertThatThrownBy(() -> catalog.find(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("event-service-unavailable");
                });
    }
}
