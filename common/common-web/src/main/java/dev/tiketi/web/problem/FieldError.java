package dev.tiketi.web.problem;

/** One invalid input field of a request, as listed in a validation problem's {@code errors}. */
public record FieldError(String field, String code, String message) {
}
