package dev.tiketi.user.demo;

import dev.tiketi.testsupport.ServiceIntegrationTest;
import dev.tiketi.user.UserApi;
import dev.tiketi.user.account.AccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the demo seeding directly rather than starting a second context with the demo profile. */
@ServiceIntegrationTest
class DemoAccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void seedsTheDemoBuyerOnceWithTheDocumentedPassword() {
        var demo = new DemoAccounts(accounts);

        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = ? AND role = 'USER'", Integer.class,
                DemoAccounts.BUYER_EMAIL)).isEqualTo(1);
        var login = new UserApi(port).login(DemoAccounts.BUYER_EMAIL, DemoAccounts.BUYER_PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    }
}
