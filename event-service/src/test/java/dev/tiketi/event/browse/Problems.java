package dev.tiketi.event.browse;

import com.jayway.jsonpath.JsonPath;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

public final class Problems {

    private Problems() {
    }

    public static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SELECT");
    }
}
