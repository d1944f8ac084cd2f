package dev.tiketi.user.auth;

import dev.tiketi.user.account.HashingCapacity;
import dev.tiketi.user.account.HashingCapacity.Purpose;
import dev.tiketi.user.account.UserAccount;
import dev.tiketi.user.account.UserRepository;
import dev.tiketi.user.auth.LoginHistoryRepository.LoginFailure;
import dev.tiketi.web.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Password login behind per-IP and per-account rate limits and an exponential account lockout. Every
 * attempt, refused or not, lands in the login history. Deliberately not one transaction: the failure
 * count and the history row must persist although the attempt ends in an error response.
 *
 * <p>Every password check, the decoy ones included, takes a turn of {@link HashingCapacity}: a crowd signing in
 * at once is answered 503 {@code login-busy} early instead of starving the service's carrier threads, and an
 * unknown email cannot be told apart by never being refused for want of a turn. Refused so, an attempt is
 * neither a failure nor recorded: the password was never checked.
 */
@Service
class LoginService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final HashingCapacity hashing;
    private final LoginRateLimiter rateLimiter;
    private final LockoutPolicy lockout;
    private final LoginHistoryRepository history;
    private final SessionService sessions;
    private final Clock clock;
    /** Checked against when the email is unknown, so that the answer takes as long as for a wrong password. */
    private final String decoyHash;

    LoginService(UserRepository users, PasswordEncoder passwordEncoder, LoginRateLimiter rateLimiter,
            HashingCapacity hashing, AuthProperties properties, LoginHistoryRepository history,
            SessionService sessions, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.hashing = hashing;
        this.rateLimiter = rateLimiter;
        this.lockout = LockoutPolicy.from(properties.lockout());
        this.history = history;
        this.sessions = sessions;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    AuthTokens login(LoginRequest request, ClientInfo client) {
        String email = request.email().trim();
        Optional<Duration> ipLimited = rateLimiter.hitIp(client.ip());
        if (ipLimited.isPresent()) {
            throw refuse(null, email, client, LoginFailure.RATE_LIMITED_IP, tooManyAttempts(ipLimited.get()));
        }
        Optional<Duration> accountLimited = rateLimiter.hitAccount(email);
        if (accountLimited.isPresent()) {
            throw refuse(null, email, client, LoginFailure.RATE_LIMITED_ACCOUNT, tooManyAttempts(accountLimited.get()));
        }
        Optional<UserAccount> found = users.findByEmail(email).filter(UserAccount::isActive);
        if (found.isEmpty()) {
            passwordMatches(request.password(), decoyHash);
            throw refuse(null, email, client, LoginFailure.UNKNOWN_EMAIL, invalidCredentials());
        }
        UserAccount user = found.get();
        Instant now = now();
        if (user.isLockedAt(now)) {
            throw refuse(user.id(), email, client, LoginFailure.ACCOUNT_LOCKED, ApiException.retryLater(HttpStatus.LOCKED,
                    "account-locked", "Too many failed sign-ins. The account is locked for a while.",
                    Duration.between(now, user.lockedUntil())));
        }
        if (users.isLockedByAdmin(user.id())) {
            passwordMatches(request.password(), decoyHash);
            throw refuse(user.id(), email, client, LoginFailure.ACCOUNT_LOCKED, new ApiException(HttpStatus.LOCKED,
                    "account-disabled", "This account has been locked by an administrator."));
        }
        if (!passwordMatches(request.password(), user.passwordHash())) {
            int failures = users.incrementFailedLogins(user.id(), now);
            lockout.lockDuration(failures).ifPresent(duration -> users.lockUntil(user.id(), now.plus(duration)));
            throw refuse(user.id(), email, client, LoginFailure.BAD_PASSWORD, invalidCredentials());
        }
        users.resetFailedLogins(user.id());
        history.record(user.id(), email, client, null, now);
        return sessions.open(user);
    }

    private boolean passwordMatches(String password, String hash) {
        return hashing.run(Purpose.LOGIN, () -> passwordEncoder.matches(password, hash));
    }

    private ApiException refuse(UUID userId, String email, ClientInfo client, LoginFailure reason, ApiException answer) {
        history.record(userId, email, client, reason, now());
        return answer;
    }

    private static ApiException tooManyAttempts(Duration retryAfter) {
        return ApiException.retryLater(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                "Too many sign-in attempts. Please wait a moment and try again.", retryAfter);
    }

    private static ApiException invalidCredentials() {
        return ApiException.unauthorized("invalid-credentials", "The email address or password is incorrect.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
