package dev.tiketi.user.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The terms a user can agree to, by code, with their current version; {@code required} lists the codes
 * that must be agreed at their current version to register.
 */
@ConfigurationProperties("tiketi.terms")
public record TermsProperties(Map<String, String> current, List<String> required) {

    public TermsProperties {
        current = current == null ? Map.of() : Map.copyOf(current);
        required = required == null ? List.of() : List.copyOf(required);
        for (String code : required) {
            if (!current.containsKey(code)) {
                throw new IllegalArgumentException("required terms " + code + " have no current version in tiketi.terms.current");
            }
        }
    }
}
