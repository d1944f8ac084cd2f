package dev.tiketi.user.auth;

import dev.tiketi.security.AccessTokenBlacklist;
import dev.tiketi.user.account.AccountService;
import dev.tiketi.user.account.UserAccount;
import dev.tiketi.user.account.UserRepository;
import dev.tiketi.user.token.AccessTokenIssuer;
import dev.tiketi.user.token.CurrentAccessToken;
import dev.tiketi.user.token.RefreshTokenService;
import dev.tiketi.user.token.RefreshTokenService.IssuedRefreshToken;
import dev.tiketi.user.token.RefreshTokenService.Rotation;
import dev.tiketi.user.token.RevokeReason;
import dev.tiketi.web.problem.ApiException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Issues, rotates and ends the token pairs of signed-in users. */
@Service
class SessionService {

    private final AccessTokenIssuer accessTokens;
    private final RefreshTokenService refreshTokens;
    private final AccessTokenBlacklist blacklist;
    private final UserRepository users;
    private final AccountService accounts;
    private final Duration accessTokenTtl;
    private final Clock clock;

    SessionService(AccessTokenIssuer accessTokens, RefreshTokenService refreshTokens, AccessTokenBlacklist blacklist,
            UserRepository users, AccountService accounts, AuthProperties properties, Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.blacklist = blacklist;
        this.users = users;
        this.accounts = accounts;
        this.accessTokenTtl = properties.accessTokenTtl();
        this.clock = clock;
    }

    AuthTokens open(UserAccount user) {
        return tokens(user, refreshTokens.issue(user.id()));
    }

    AuthTokens refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case Rotation.Rotated rotated -> users.findById(rotated.userId())
                    .filter(UserAccount::isActive)
                    .map(user -> tokens(user, rotated.next()))
                    .orElseThrow(SessionService::invalidRefreshToken);
            case Rotation.Reused reused -> {
                if (reused.familyWasLive()) {
                    revokeAccessTokensAfterReuse(reused.userId());
                }
                throw ApiException.unauthorized("refresh-token-reused",
                        "This refresh token was already used. All sessions started from the same sign-in have been ended.");
            }
            case Rotation.Expired ignored -> throw ApiException.unauthorized("refresh-token-expired",
                    "The refresh token has expired. Please sign in again.");
            case Rotation.Unknown ignored -> throw invalidRefreshToken();
        };
    }

    /** Ends this session: the access token stops working now, and the refresh token's family with it. */
    void logout(UUID userId, CurrentAccessToken accessToken, String refreshToken) {
        blacklist.revoke(accessToken.jti(), accessToken.expiresAt());
        if (refreshToken != null && !refreshToken.isBlank()) {
            refreshTokens.revokeFamily(refreshToken, userId, RevokeReason.LOGOUT);
        }
    }

    /**
     * A reused refresh token means the family leaked, and the access tokens issued from it may have leaked
     * with it; they carry no family, so every access token of the user issued up to the end of this second is
     * revoked (the user's other sessions keep their refresh tokens and get a fresh access token from them).
     * Without this the thief's access token kept working for up to its 30 minutes.
     */
    private void revokeAccessTokensAfterReuse(UUID userId) {
        Instant endOfThisSecond = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        blacklist.revokeAllIssuedBefore(userId.toString(), endOfThisSecond, accessTokenTtl);
    }

    private AuthTokens tokens(UserAccount user, IssuedRefreshToken refresh) {
        var access = accessTokens.issue(user.id(), user.email(), user.role().name());
        return new AuthTokens(access.value(), "Bearer", access.lifetime().toSeconds(), refresh.value(),
                refresh.lifetime().toSeconds(), accounts.profile(user.id()));
    }

    private static ApiException invalidRefreshToken() {
        return ApiException.unauthorized("invalid-refresh-token", "The refresh token is not valid. Please sign in again.");
    }
}
