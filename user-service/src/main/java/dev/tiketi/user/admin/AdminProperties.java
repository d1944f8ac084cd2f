package dev.tiketi.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The first administrator, created on start-up when no account has this email yet; blank email for none. */
@ConfigurationProperties("tiketi.admin")
public record AdminProperties(@DefaultValue("") String email, @DefaultValue("") String password,
        @DefaultValue("Administrator") String name) {
}
