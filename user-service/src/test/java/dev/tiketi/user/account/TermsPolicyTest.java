package dev.tiketi.user.account;

import dev.tiketi.web.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TermsPolicyTest {

    private final TermsPolicy policy = new TermsPolicy(new TermsProperties(
            Map.of("SERVICE", "v2", "PRIVACY", "v1", "MARKETING", "v1"), List.of("SERVICE", "PRIVACY")));

    @Test
    void requiredTermsAgreedAtTheCurrentVersionPass() {
        assertThat(policy.violations(List.of(new AgreementInput("SERVICE", "v2", true),
                new AgreementInput("PRIVACY", "v1", true), new AgreementInput("MARKETING", "v1", false)))).isEmpty();
    }

    @Test
    void declinedOutdatedUnknownAndDuplicateTermsAreNamed() {
        var violations = policy.violations(List.of(new AgreementInput("SERVICE", "v1", true),
                new AgreementInput("PRIVACY", "v1", false), new AgreementInput("NEWSLETTER", "v1", true),
                new AgreementInput("PRIVACY", "v1", true)));

        assertThat(violations).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("agreements[0].version", "OutdatedTerms"),
                tuple("agreements[2].code", "UnknownTerms"),
                tuple("agreements[3].code", "DuplicateTerms"),
                tuple("agreements", "RequiredTermsNotAgreed"));
    }
}
