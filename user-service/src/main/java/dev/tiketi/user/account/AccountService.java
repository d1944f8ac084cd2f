package dev.tiketi.user.account;

import dev.tiketi.security.AccessTokenBlacklist;
import dev.tiketi.user.account.HashingCapacity.Purpose;
import dev.tiketi.user.auth.AuthProperties;
import dev.tiketi.user.auth.LoginHistoryRepository;
import dev.tiketi.user.token.CurrentAccessToken;
import dev.tiketi.user.token.RefreshTokenService;
import dev.tiketi.user.token.RevokeReason;
import dev.tiketi.web.problem.ApiException;
import dev.tiketi.web.problem.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class AccountService {

    private final UserRepository users;
    private final TermsAgreementRepository agreements;
    private final TermsPolicy termsPolicy;
    private final PasswordEncoder passwordEncoder;
    private final RefreshTokenService refreshTokens;
    private final AccessTokenBlacklist blacklist;
    private final LoginHistoryRepository loginHistory;
    private final Duration accessTokenTtl;
    private final Duration registrationReplayWindow;
    private final HashingCapacity hashing;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountService(UserRepository users, TermsAgreementRepository agreements, TermsPolicy termsPolicy,
            PasswordEncoder passwordEncoder, RefreshTokenService refreshTokens, AccessTokenBlacklist blacklist,
            LoginHistoryRepository loginHistory, AuthProperties authProperties, HashingCapacity hashing,
            TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.agreements = agreements;
        this.termsPolicy = termsPolicy;
        this.passwordEncoder = passwordEncoder;
        this.refreshTokens = refreshTokens;
        this.blacklist = blacklist;
        this.loginHistory = loginHistory;
        this.accessTokenTtl = authProperties.accessTokenTtl();
        this.registrationReplayWindow = authProperties.registrationReplayWindow();
        this.hashing = hashing;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Creates the account. The same registration sent again shortly after (a client retrying a 503/504 whose
     * first attempt went through) is answered with the account it created, so retrying is safe; any other
     * registration of a taken email is {@code email-taken} (see {@link RegistrationReplay}). The password is
     * hashed before the transaction, within {@link HashingCapacity}, so no database connection waits on the CPU.
     */
    public UserProfile register(RegisterRequest request) {
        String email = request.email().trim();
        List<FieldError> errors = new ArrayList<>(PasswordPolicy.violations("password", request.password(), email));
        errors.addAll(termsPolicy.violations(request.agreements()));
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.", errors);
        }
        Instant now = now();
        UserAccount user = hashing.run(Purpose.REGISTRATION, () -> newAccount(email, request.password(),
                request.name().trim(), PhoneNumbers.normalize(request.phone()), UserAccount.Role.USER, now));
        UserProfile created = transactions.execute(status -> {
            if (!users.insertIfEmailFree(user)) {
                return null;
            }
            request.agreements().forEach(agreement -> agreements.insert(user.id(), agreement, now));
            return UserProfile.of(user, agreements.findByUser(user.id()));
        });
        if (created != null) {
            return created;
        }
        // the insert waited for a concurrent registration of this email to commit, so it is visible now
        return users.findByEmail(email)
                .filter(existing -> RegistrationReplay.isRepeatOf(existing, user.name(), user.phone(), now,
                        registrationReplayWindow))
                .filter(existing -> hashing.run(Purpose.REGISTRATION,
                        () -> passwordEncoder.matches(request.password(), existing.passwordHash())))
                .map(existing -> UserProfile.of(existing, agreements.findByUser(existing.id())))
                .orElseThrow(() -> ApiException.conflict("email-taken", "An account with this email address already exists."));
    }

    /**
     * Creates an account from configuration (first admin, demo users) unless the address is taken; false when
     * it already existed. A password from configuration must still satisfy the policy.
     */
    @Transactional
    public boolean createIfAbsent(String email, String password, String name, UserAccount.Role role) {
        List<FieldError> violations = PasswordPolicy.violations("password", password, email);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("the configured password for " + email + " breaks the password policy: "
                    + violations.stream().map(FieldError::message).toList());
        }
        // checked first only to spare a BCrypt hash on every restart; the insert below settles races
        if (users.existsByEmail(email)) {
            return false;
        }
        return users.insertIfEmailFree(newAccount(email, password, name, null, role, now()));
    }

    @Transactional(readOnly = true)
    public UserProfile profile(UUID userId) {
        UserAccount user = users.findById(userId).filter(UserAccount::isActive).orElseThrow(AccountService::notFound);
        return UserProfile.of(user, agreements.findByUser(userId));
    }

    @Transactional
    public UserProfile updateProfile(UUID userId, UpdateProfileRequest request) {
        UserAccount user = activeForUpdate(userId);
        String name = request.name() == null ? user.name() : request.name().trim();
        String phone = request.phone() == null ? user.phone() : PhoneNumbers.normalize(request.phone());
        users.updateProfile(userId, name, phone, now());
        return profile(userId);
    }

    /** Signs out every session: all refresh tokens are revoked, and so is every access token issued until now. */
    @Transactional
    public void changePassword(UUID userId, ChangePasswordRequest request, CurrentAccessToken token) {
        UserAccount user = activeForUpdate(userId);
        if (!passwordEncoder.matches(request.currentPassword(), user.passwordHash())) {
            throw ApiException.invalidField("currentPassword", "IncorrectPassword", "is not your current password");
        }
        List<FieldError> errors = new ArrayList<>(PasswordPolicy.violations("newPassword", request.newPassword(), user.email()));
        if (errors.isEmpty() && request.newPassword().equals(request.currentPassword())) {
            errors.add(new FieldError("newPassword", "PasswordUnchanged", "must differ from the current password"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields.", errors);
        }
        users.updatePasswordHash(userId, passwordEncoder.encode(request.newPassword()), now());
        refreshTokens.revokeAll(userId, RevokeReason.PASSWORD_CHANGED);
        blacklist.revoke(token.jti(), token.expiresAt());
        blacklist.revokeAllIssuedBefore(userId.toString(), now(), accessTokenTtl);
    }

    @Transactional
    public void withdraw(UUID userId, WithdrawRequest request, CurrentAccessToken token) {
        UserAccount user = activeForUpdate(userId);
        if (!passwordEncoder.matches(request.password(), user.passwordHash())) {
            throw ApiException.invalidField("password", "IncorrectPassword", "is not your current password");
        }
        String placeholder = "withdrawn-" + userId + "@withdrawn.invalid";
        users.withdraw(userId, placeholder, now());
        loginHistory.scrub(userId, placeholder);
        refreshTokens.revokeAll(userId, RevokeReason.WITHDRAWN);
        blacklist.revoke(token.jti(), token.expiresAt());
        blacklist.revokeAllIssuedBefore(userId.toString(), now(), accessTokenTtl);
    }

    private UserAccount activeForUpdate(UUID userId) {
        return users.findActiveByIdForUpdate(userId).orElseThrow(AccountService::notFound);
    }

    private UserAccount newAccount(String email, String password, String name, String phone, UserAccount.Role role,
            Instant now) {
        return new UserAccount(UUID.randomUUID(), email, passwordEncoder.encode(password), name, phone, role,
                UserAccount.Status.ACTIVE, 0, null, now, now);
    }

    private static ApiException notFound() {
        return ApiException.notFound("user-not-found", "The account does not exist or has been withdrawn.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
