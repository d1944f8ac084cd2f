package dev.tiketi.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error answers as problem details. Tomcat refuses some requests before any servlet or filter
 * sees them (a NUL, {@code %2f} or {@code ..%2f} in the path, an invalid escape, a header too large) and used
 * to describe them with its HTML error page. This valve takes the HTML page's place, so those answers are
 * {@code application/problem+json} like every other. Errors Spring MVC handled already have a body and are
 * left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String detail = code.is4xxClientError()
                ? "The request cannot be processed: its address, headers or body are malformed."
                : "Something went wrong on our side. Please try again later.";
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(code, detail));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing left to tell anyone
        }
    }

    static String body(HttpStatusCode status, String detail) {
        String problemCode = ProblemTypes.codeFor(status);
        String title = status instanceof HttpStatus known ? known.getReasonPhrase() : "Error";
        return "{\"type\":\"" + ProblemTypes.BASE + problemCode + "\",\"title\":\"" + title + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"code\":\"" + problemCode + "\"}";
    }
}
