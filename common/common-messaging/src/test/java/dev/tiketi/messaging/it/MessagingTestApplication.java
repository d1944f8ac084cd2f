package dev.tiketi.messaging.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest service that uses the module: a data source, Kafka, nothing else. In a package of its own, so
 * that its component scan does not pick up the module's auto-configuration as a plain configuration.
 */
@SpringBootApplication
class MessagingTestApplication {
}
