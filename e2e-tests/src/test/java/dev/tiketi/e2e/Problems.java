package dev.tiketi.e2e;

import dev.tiketi.e2e.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The one shape every error has: RFC 9457 problem details with a stable code. */
final class Problems {

    private Problems() {
    }

    static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.isProblem()).as(reply.contentType()).isTrue();
        assertThat(reply.<String>read("$.code")).isEqualTo(code);
    }
}
