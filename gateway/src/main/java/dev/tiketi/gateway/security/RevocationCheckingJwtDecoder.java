package dev.tiketi.gateway.security;

import dev.tiketi.gateway.ratelimit.RequestLimits;
import dev.tiketi.security.TokenRevocation;
import dev.tiketi.security.VerifiedTokenCache;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import reactor.core.publisher.Mono;

/**
 * Verifies a token once and then refuses it if user-service revoked it: one by its {@code jti} (logout), or all of
 * a user's issued before a cutoff (password change, withdrawal), as {@link TokenRevocation} records them.
 *
 * <p>Signature and claims are verified once per token, not per request: a verified token is remembered
 * ({@link VerifiedTokenCache}) until it expires. Revocation is checked on every request, from memory while the
 * revocation mirror is current, together with the request's rate limits ({@link RequestLimits#checkToken}); the
 * request comes from the Reactor context ({@link ServerWebExchangeContextFilter}, ahead of the security chain).
 *
 * <p>A BadJwtException makes the resource server answer 401 invalid-token. When the keys or Redis cannot be read,
 * the token cannot be checked: that becomes an AuthenticationServiceException, which the error handler answers
 * with 503 (fail closed), rather than an unexplained 500. A token that is not even shaped like a signed JWT (JWS
 * compact form: three parts) is refused as invalid before it reaches the decoder: a five-part JWE made Nimbus fail
 * with an error that is not a JwtException, which read as "cannot be checked" (503).
 */
class RevocationCheckingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokenCache verified;
    private final RequestLimits limits;

    RevocationCheckingJwtDecoder(ReactiveJwtDecoder delegate, VerifiedTokenCache verified, RequestLimits limits) {
        this.delegate = delegate;
        this.verified = verified;
        this.limits = limits;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        if (!isJwsCompact(token)) {
            return Mono.error(new BadJwtException("The access token is not a signed JWT."));
        }
        Jwt known = verified.get(token);
        Mono<Jwt> jwt = known != null ? Mono.just(known) : delegate.decode(token).doOnNext(verified::put);
        return jwt.flatMap(valid -> Mono.deferContextual(context -> limits.checkToken(valid,
                                ServerWebExchangeContextFilter.getExchange(context).orElse(null)))
                        .flatMap(revoked -> revoked
                                ? Mono.error(new BadJwtException("The access token has been revoked."))
                                : Mono.just(valid)))
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
