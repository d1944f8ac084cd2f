package dev.tiketi.security;

/** Claim names and values of TIKETI access tokens, shared by the issuer and every checker. */
public final class TokenClaims {

    public static final String ISSUER = "tiketi-user-service";
    public static final String EMAIL = "email";
    public static final String ROLE = "role";
    public static final String ROLE_USER = "USER";
    public static final String ROLE_ADMIN = "ADMIN";

    /** Headers carrying the verified identity from the gateway; never trusted on their own. */
    public static final String USER_ID_HEADER = "X-User-Id";
    public static final String USER_EMAIL_HEADER = "X-User-Email";
    public static final String USER_ROLE_HEADER = "X-User-Role";

    private TokenClaims() {
    }
}
