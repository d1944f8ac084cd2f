package dev.tiketi.user.token;

/** Why a refresh token stopped working before its expiry; stored with the token for the audit trail. */
public enum RevokeReason {
    LOGOUT, REUSE_DETECTED, PASSWORD_CHANGED, WITHDRAWN, ADMIN_LOCKED
}
