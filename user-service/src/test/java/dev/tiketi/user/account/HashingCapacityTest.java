package dev.tiketi.user.account;

import dev.tiketi.user.account.HashingCapacity.Purpose;
import dev.tiketi.user.auth.AuthProperties;
import dev.tiketi.web.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** A crowd of registrations or sign-ins: a few hash at once, the rest wait briefly, the ones left over are refused early. */
class HashingCapacityTest {

    private static HashingCapacity capacity(int permits, String maxWait) {
        AuthProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "tiketi.auth.hashing.max-concurrent", Integer.toString(permits),
                "tiketi.auth.hashing.max-wait", maxWait)))
                .bindOrCreate("tiketi.auth", Bindable.of(AuthProperties.class));
        return new HashingCapacity(properties);
    }

    @Test
    void beyondTheConcurrentHashesARegistrationWaitsBrieflyThenIsRefusedWithRetryAfter() throws Exception {
        HashingCapacity capacity = capacity(2, "200ms");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService crowd = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                outcomes.add(crowd.submit(() -> {
                    try {
                        return capacity.run(Purpose.REGISTRATION, () -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            return "hashed";
                        });
                    } catch (ApiException e) {
                        return e.status().value() + " " + e.code() + " retry after " + e.retryAfterSeconds().orElseThrow();
                    }
                }));
            }
            // the six that found no free turn give up after their 200 ms wait, while two still hash
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> outcomes.stream().filter(Future::isDone).count() == 6);
            release.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                answers.add(outcome.get());
            }
            assertThat(answers).filteredOn("hashed"::equals).hasSize(2);
            assertThat(answers).filteredOn(answer -> !answer.equals("hashed"))
                    .hasSize(6).containsOnly("503 registration-busy retry after 2");
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void aRegistrationWhoseTurnComesWithinTheWaitIsServed() {
        HashingCapacity capacity = capacity(1, "1s");
        assertThat(capacity.run(Purpose.REGISTRATION, () -> "hashed")).isEqualTo("hashed");
        assertThat(capacity.run(Purpose.LOGIN, () -> "again")).isEqualTo("again");
    }

    @Test
    void signInsShareTheTurnsOfRegistrationsAndAreRefusedAsLoginBusy() throws Exception {
        HashingCapacity capacity = capacity(1, "100ms");
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService registration = Executors.newSingleThreadExecutor()) {
            Future<String> registered = registration.submit(() -> capacity.run(Purpose.REGISTRATION, () -> {
                hashing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "hashed";
            }));
            hashing.await();

            ApiException refused = catchThrowableOfType(ApiException.class,
                    () -> capacity.run(Purpose.LOGIN, () -> "signed in"));

            assertThat(refused.status().value()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("login-busy");
            assertThat(refused.retryAfterSeconds()).hasValue(2L);
            release.countDown();
            assertThat(registered.get()).isEqualTo("hashed");
        }
        assertThat(capacity.run(Purpose.LOGIN, () -> "signed in")).isEqualTo("signed in");
    }
}
