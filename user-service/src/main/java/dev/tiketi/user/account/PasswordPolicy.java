package dev.tiketi.user.account;

import dev.tiketi.web.problem.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: 8 to 64 characters, at least one letter and one digit, no whitespace or control
 * characters, and not containing the local part of the owner's email address. Long passphrases with
 * symbols are welcome; composition beyond letter+digit is not forced (NIST SP 800-63B discourages it).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;
    /** Shorter local parts ("me@...") would forbid too many ordinary passwords to be worth checking. */
    private static final int MIN_LOCAL_PART_CHECKED = 3;

    private PasswordPolicy() {
    }

    /** The rules {@code password} breaks, as field errors on {@code field}; empty when it is acceptable. */
    public static List<FieldError> violations(String field, String password, String email) {
        List<FieldError> errors = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            errors.add(new FieldError(field, "PasswordTooShort", "must be at least " + MIN_LENGTH + " characters"));
            return errors;
        }
        if (length > MAX_LENGTH) {
            errors.add(new FieldError(field, "PasswordTooLong", "must be at most " + MAX_LENGTH + " characters"));
            return errors;
        }
        if (password.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.add(new FieldError(field, "PasswordInvalidCharacter", "must not contain spaces or control characters"));
        }
        if (password.codePoints().noneMatch(Character::isLetter) || password.codePoints().noneMatch(Character::isDigit)) {
            errors.add(new FieldError(field, "PasswordTooSimple", "must contain at least one letter and one digit"));
        }
        String localPart = localPart(email);
        if (localPart.length() >= MIN_LOCAL_PART_CHECKED
                && password.toLowerCase(Locale.ROOT).contains(localPart)) {
            errors.add(new FieldError(field, "PasswordContainsEmail", "must not contain your email address"));
        }
        return errors;
    }

    private static String localPart(String email) {
        if (email == null) {
            return "";
        }
        int at = email.indexOf('@');
        return (at < 0 ? email : email.substring(0, at)).trim().toLowerCase(Locale.ROOT);
    }
}
