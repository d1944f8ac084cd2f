package dev.tiketi.reservation.expiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every second, expires every hold whose time is over, batch after batch until none is left. */
@Component
@ConditionalOnProperty(name = "tiketi.reservation.expiry.enabled", havingValue = "true")
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final Expiries expiries;

    ExpiryJob(Expiries expiries) {
        this.expiries = expiries;
    }

    @Scheduled(fixedDelayString = "${tiketi.reservation.expiry.interval}")
    void run() {
        try {
            while (expiries.expireDue() == expiries.batchSize()) {
                log.debug("A full batch of holds expired; looking for more");
            }
        } catch (DataAccessException e) {
            // database unreachable or busy: the next run tries again
            log.warn("Hold expiry failed: {}", e.getMessage());
        }
    }
}
