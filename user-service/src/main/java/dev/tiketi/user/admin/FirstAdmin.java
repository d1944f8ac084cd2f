package dev.tiketi.user.admin;

import dev.tiketi.user.account.AccountService;
import dev.tiketi.user.account.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the configured administrator if absent. Several instances may start at once: the unique email
 * index lets exactly one insert win and the others skip quietly.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AdminProperties properties;
    private final AccountService accounts;

    FirstAdmin(AdminProperties properties, AccountService accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        ensureExists();
    }

    boolean ensureExists() {
        if (properties.email().isBlank()) {
            return false;
        }
        boolean created = accounts.createIfAbsent(properties.email().trim(), properties.password(), properties.name(),
                UserAccount.Role.ADMIN);
        if (created) {
            log.info("Created the first administrator account {}", properties.email());
        }
        return created;
    }
}
