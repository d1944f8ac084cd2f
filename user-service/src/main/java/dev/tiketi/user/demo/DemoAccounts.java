package dev.tiketi.user.demo;

import dev.tiketi.user.account.AccountService;
import dev.tiketi.user.account.UserAccount;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A buyer to try the platform with, in the {@code demo} profile only. The administrator comes from tiketi.admin. */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    static final String BUYER_EMAIL = "buyer@tiketi.local";
    /** Local demo credential, documented for developers; the demo profile is never active in a deployment. */
    static final String BUYER_PASSWORD = "tiketi-demo-1234";

    private final AccountService accounts;

    DemoAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        accounts.createIfAbsent(BUYER_EMAIL, BUYER_PASSWORD, "Demo Buyer", UserAccount.Role.USER);
    }
}
