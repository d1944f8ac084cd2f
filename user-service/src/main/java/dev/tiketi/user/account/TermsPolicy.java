package dev.tiketi.user.account;

import dev.tiketi.web.problem.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a registration's agreements against the configured terms and their current versions. */
public final class TermsPolicy {

    private static final String FIELD = "agreements";

    private final TermsProperties terms;

    public TermsPolicy(TermsProperties terms) {
        this.terms = terms;
    }

    public List<FieldError> violations(List<AgreementInput> agreements) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < agreements.size(); i++) {
            AgreementInput agreement = agreements.get(i);
            String current = terms.current().get(agreement.code());
            String field = FIELD + "[" + i + "]";
            if (current == null) {
                errors.add(new FieldError(field + ".code", "UnknownTerms", "no terms with code " + agreement.code()));
            } else if (!current.equals(agreement.version())) {
                errors.add(new FieldError(field + ".version", "OutdatedTerms",
                        agreement.code() + " terms are at version " + current));
            } else if (!seen.add(agreement.code())) {
                errors.add(new FieldError(field + ".code", "DuplicateTerms", agreement.code() + " is listed twice"));
            }
        }
        for (String code : terms.required()) {
            boolean agreed = agreements.stream().anyMatch(a -> code.equals(a.code())
                    && terms.current().get(code).equals(a.version()) && Boolean.TRUE.equals(a.agreed()));
            if (!agreed) {
                errors.add(new FieldError(FIELD, "RequiredTermsNotAgreed",
                        code + " terms version " + terms.current().get(code) + " must be agreed"));
            }
        }
        return errors;
    }
}
