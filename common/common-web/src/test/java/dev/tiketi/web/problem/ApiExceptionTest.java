package dev.tiketi.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionTest {

    @Test
    void anAnswerToTheClientRecordsNoStackTrace() {
        ApiException refusal = ApiException.conflict("seats-unavailable", "Some of these seats are taken.");

        assertThat(refusal.getStackTrace()).isEmpty();
        assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refusal.code()).isEqualTo("seats-unavailable");
        assertThat(refusal.getMessage()).isEqualTo("Some of these seats are taken.");
    }
}
