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
 * with 503 (fail closed), rather than an unexplained 500.
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
        return delegate.decode(token).flatMap(jwt -> redis.opsForValue()
                .multiGet(TokenRevocation.keys(jwt.getId(), jwt.getSubject()))
                .map(entries -> TokenRevocation.isRevoked(entries, jwt.getIssuedAt()))
                .flatMap(revoked -> revoked
                        ? Mono.error(new BadJwtException("The access token has been revoked."))
                        : Mono.just(jwt)))
                .onErrorMap(error -> !(error instanceof JwtException),
                        error -> new AuthenticationServiceException("The access token cannot be checked now.", error));
    }
}
