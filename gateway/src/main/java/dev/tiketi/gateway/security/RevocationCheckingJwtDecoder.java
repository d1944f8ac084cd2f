package dev.tiketi.gateway.security;

import dev.tiketi.security.TokenRevocation;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Refuses tokens user-service revoked: one by its {@code jti} (logout), or all of a user's issued before a
 * cutoff (password change, withdrawal), as {@link TokenRevocation} records them. Token validators are synchronous,
 * so the (reactive) Redis lookup happens here, after signature and claims passed. A BadJwtException makes
 * the resource server answer 401 invalid-token. When the keys or the revocation store cannot be read, the
 * token cannot be checked: that becomes an AuthenticationServiceException, which the error handler answers
 * with 503 (fail closed), rather than an unexplained 500. A token that is not even shaped like a signed JWT
 * (JWS compact form: three parts) is refused as invalid before it reaches the decoder: a five-part JWE made
 * Nimbus fail with an error that is not a JwtException, which read as "cannot be checked" (503).
 */
class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final ReactiveStringRedisTemplate redis;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, ReactiveStringRedisTemplate redis) {
        this.delegate = delegate;
        this.redis = redis;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        if (!isJwsCompact(token)) {
            return Mono.error(new BadJwtException("The access token is not a signed JWT."));
        }
        return delegate.decode(token).flatMap(jwt -> redis.opsForValue()
                .multiGet(TokenRevocation.keys(jwt.getId(), jwt.getSubject()))
                .map(entries -> TokenRevocation.isRevoked(entries, jwt.getIssuedAt()))
                .flatMap(revoked -> revoked
                        ? Mono.error(new BadJwtException("The access token has been revoked."))
                        : Mono.just(jwt)))
                .onErrorMap(error -> !(error instanceof JwtException),
                        error -> new AuthenticationServiceException("The access token cannot be checked now.", error));
    }

    /** header.payload.signature: exactly two dots, so not a JWE (five parts) or an unsecured JWT written oddly. */
    static boolean isJwsCompact(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && token.indexOf('.', second + 1) < 0;
    }
}
