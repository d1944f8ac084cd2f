package dev.tiketi.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A token's signature and claims verified once ({@link VerifiedTokenCache}), its revocation checked on every
 * request ({@link AccessTokenBlacklist}, in memory while its mirror is current). A revoked token is a
 * {@link BadJwtException}, which the resource server answers 401 invalid-token, as the validator's refusal was.
 */
final class VerifiedTokenJwtDecoder implements JwtDecoder {

    private final JwtDecoder verifying;
    private final VerifiedTokenCache verified;
    private final AccessTokenBlacklist blacklist;

    VerifiedTokenJwtDecoder(JwtDecoder verifying, VerifiedTokenCache verified, AccessTokenBlacklist blacklist) {
        this.verifying = verifying;
        this.verified = verified;
        this.blacklist = blacklist;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = verifying.decode(token);
            verified.put(jwt);
        }
        if (blacklist.isRevoked(jwt.getId(), jwt.getSubject(), jwt.getIssuedAt())) {
            throw new BadJwtException("The access token has been revoked.");
        }
        return jwt;
    }
}
