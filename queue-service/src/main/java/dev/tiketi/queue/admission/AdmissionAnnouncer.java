package dev.tiketi.queue.admission;

import dev.tiketi.queue.config.QueueKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Publishes each tick's admissions on {@link QueueKeys#ADMISSIONS_CHANNEL}, one {@code eventId userId} line
 * per user: a user's stream may be open on any instance, not only on the one that ran the tick.
 */
@Component
class AdmissionAnnouncer implements AdmissionListener {

    private final StringRedisTemplate redis;

    AdmissionAnnouncer(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void admitted(List<Admitted> admitted) {
        redis.convertAndSend(QueueKeys.ADMISSIONS_CHANNEL, admitted.stream()
                .map(admission -> admission.eventId() + " " + admission.userId())
                .collect(Collectors.joining("\n")));
    }
}
