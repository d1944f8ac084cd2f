package dev.tiketi.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.util.Set;

/** The checks every TIKETI access token must pass beyond its signature. */
public final class AccessTokenValidators {

    private static final Set<String> ROLES = Set.of(TokenClaims.ROLE_USER, TokenClaims.ROLE_ADMIN);

    private AccessTokenValidators() {
    }

    /** Expiry and not-before (with the default clock skew), issuer, required claims, and the blacklist. */
    public static OAuth2TokenValidator<Jwt> create(String issuer, AccessTokenBlacklist blacklist) {
        return new DelegatingOAuth2TokenValidator<>(
                verifying(issuer),
                jwt -> blacklist.isRevoked(jwt.getId(), jwt.getSubject(), jwt.getIssuedAt())
                        ? failure("The access token has been revoked.")
                        : OAuth2TokenValidatorResult.success());
    }

    /**
     * What holds for a token for as long as it lives, hence can be checked once ({@link VerifiedTokenCache}):
     * expiry and not-before (with the default clock skew), issuer and required claims; not the blacklist.
     */
    public static OAuth2TokenValidator<Jwt> verifying(String issuer) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                AccessTokenValidators::hasIdentityClaims);
    }

    private static OAuth2TokenValidatorResult hasIdentityClaims(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getId() == null || jwt.getExpiresAt() == null) {
            return failure("The access token lacks sub, jti or exp.");
        }
        if (!ROLES.contains(jwt.getClaimAsString(TokenClaims.ROLE))) {
            return failure("The access token has no valid role.");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
