package dev.tiketi.user.account;

import dev.tiketi.web.problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    private static final String EMAIL = "minsu.kim@example.com";

    @ParameterizedTest
    @ValueSource(strings = {"abcdefg1", "Tiketi-2025!", "1234567a", "비밀번호는길게1234", "correct horse battery staple 9"})
    void acceptsLetterAndDigitPasswordsOfEightToSixtyFourCharacters(String password) {
        var violations = PasswordPolicy.violations("password", password.replace(" ", "-"), EMAIL);

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "abcdef1,            PasswordTooShort",
            "'',                 PasswordTooShort",
            "abcdefgh,           PasswordTooSimple",
            "12345678,           PasswordTooSimple",
            "!!!!@@@@####,       PasswordTooSimple",
            "'abcd 1234',        PasswordInvalidCharacter",
            "xMinsu.Kim9,        PasswordContainsEmail",
            "minsu.kim2025,      PasswordContainsEmail"})
    void refusesWeakPasswords(String password, String code) {
        var violations = PasswordPolicy.violations("password", password, EMAIL);

        assertThat(violations).extracting(FieldError::code).containsExactly(code);
        assertThat(violations).extracting(FieldError::field).containsOnly("password");
    }

    @ParameterizedTest
    @CsvSource({"64, 0", "65, 1"})
    void capsTheLengthAtSixtyFour(int length, int violationCount) {
        String password = "a1" + "x".repeat(length - 2);

        assertThat(PasswordPolicy.violations("newPassword", password, EMAIL)).hasSize(violationCount);
    }

    @ParameterizedTest
    @ValueSource(strings = {"me@example.com", "ab@example.com"})
    void veryShortLocalPartsAreNotChecked(String email) {
        assertThat(PasswordPolicy.violations("password", "meab12345", email)).isEmpty();
    }

    @Test
    void nullCountsAsTooShort() {
        assertThat(PasswordPolicy.violations("password", null, EMAIL)).extracting(FieldError::code)
                .containsExactly("PasswordTooShort");
    }
}
