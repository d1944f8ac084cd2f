package dev.tiketi.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registered claims of a verified token as Spring Security's {@code Jwt} expects them: {@code exp}, {@code iat}
 * and {@code nbf} as {@link Instant}s, {@code aud} as a list of strings, {@code iss}, {@code sub} and {@code jti} as
 * strings; every other claim as Nimbus parsed it. What {@link MappedJwtClaimSetConverter#withDefaults} does, with the
 * issuer kept a plain name (its default tries a URL first, and throws and catches an exception per token), and
 * without its generic conversion service, which was a tenth of the cost of checking a new token
 * (docs/benchmarks.md). Like it, a claim that cannot be converted is left out, so a token whose {@code exp} is not
 * a time has none, which {@link AccessTokenValidators} refuse.
 */
public final class AccessTokenClaimSetConverter implements Converter<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> convert(Map<String, Object> claims) {
        Map<String, Object> converted = new HashMap<>(claims);
        for (String name : List.of(JwtClaimNames.EXP, JwtClaimNames.IAT, JwtClaimNames.NBF)) {
            replace(converted, name, instant(claims.get(name)));
        }
        for (String name : List.of(JwtClaimNames.ISS, JwtClaimNames.SUB, JwtClaimNames.JTI)) {
            replace(converted, name, text(claims.get(name)));
        }
        replace(converted, JwtClaimNames.AUD, audience(claims.get(JwtClaimNames.AUD)));
        return converted;
    }

    private static void replace(Map<String, Object> claims, String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case Date date -> date.toInstant();
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> null;
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> audience(Object value) {
        return switch (value) {
            case String single -> List.of(single);
            case Collection<?> many -> many.stream().filter(item -> item != null).map(Object::toString).toList();
            case null, default -> null;
        };
    }
}
