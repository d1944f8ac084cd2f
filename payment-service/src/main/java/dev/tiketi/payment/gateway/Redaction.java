package dev.tiketi.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of PG request and response text before it is stored or logged: card numbers keep only
 * their last four digits, CVCs and passwords go, credentials headers go, and the configured secrets (a PG's
 * secret key, also in its Basic-auth form) are removed wherever they appear.
 */
public final class Redaction {

    static final String REDACTED = "[REDACTED]";

    /** 12 to 19 digits in a row, not part of a longer number or of a UUID/date-like dashed group. */
    private static final Pattern CARD_NUMBER = Pattern.compile("(?<![\\d-])\\d{12,19}(?![\\d-])");
    /** a card number written in groups of four: 4111 1111 1111 1111, 4111-1111-1111-1111 */
    private static final Pattern GROUPED_CARD_NUMBER = Pattern.compile("(?<![\\d-])\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}(?![\\d-])");
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(\"(?:cvc|cvv|cvc2|password|pin|secretKey|secret_key|cardPassword)\"\\s*:\\s*)(\"[^\"]*\"|\\d+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?im)^((?:proxy-)?authorization|cookie|set-cookie|x-api-key)(\\s*:\\s*).*$");

    private final List<String> secrets;

    /** @param secrets literal values never to store, e.g. a PG secret key (blank ones are ignored) */
    public Redaction(Collection<String> secrets) {
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(secret -> !secret.isBlank())
                .flatMap(secret -> List.of(secret, basicCredentials(secret)).stream())
                .toList();
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, REDACTED);
        }
        redacted = CREDENTIAL_HEADER.matcher(redacted).replaceAll("$1$2" + REDACTED);
        redacted = SECRET_FIELD.matcher(redacted).replaceAll("$1\"" + REDACTED + "\"");
        redacted = mask(GROUPED_CARD_NUMBER, redacted);
        return mask(CARD_NUMBER, redacted);
    }

    /** {@code 4111111111111111} becomes {@code ************1111}. */
    static String maskCardNumber(String number) {
        int keep = 4;
        StringBuilder masked = new StringBuilder(number.length());
        int digitsSeen = 0;
        long digits = number.chars().filter(Character::isDigit).count();
        for (char c : number.toCharArray()) {
            if (Character.isDigit(c)) {
                digitsSeen++;
                masked.append(digitsSeen > digits - keep ? c : '*');
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(maskCardNumber(match.group())));
    }

    /** How a secret key travels in HTTP Basic auth with an empty password (Toss' scheme). */
    static String basicCredentials(String secret) {
        return Base64.getEncoder().encodeToString((secret + ":").getBytes(StandardCharsets.UTF_8));
    }
}
