-- Accounts, terms agreements, refresh tokens and login history of user-service.

CREATE TABLE users (
    id                 uuid        PRIMARY KEY,
    email              text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    -- NULL only once the account is withdrawn: the hash is destroyed so the password can never match again
    password_hash      text,
    name               text,
    phone              text,
    role               text        NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'WITHDRAWN')),
    failed_login_count integer     NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
    locked_until       timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    withdrawn_at       timestamptz,
    CONSTRAINT users_withdrawn_at_matches_status CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)),
    CONSTRAINT users_active_has_credentials CHECK (status = 'WITHDRAWN' OR (password_hash IS NOT NULL AND name IS NOT NULL))
);

-- Case-insensitive uniqueness; also what logins look up by.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_created_at_idx ON users (created_at, id);

CREATE TABLE terms_agreements (
    id         uuid        PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    terms_code text        NOT NULL CHECK (terms_code ~ '^[A-Z][A-Z_]{1,31}$'),
    version    text        NOT NULL CHECK (length(version) BETWEEN 1 AND 32),
    agreed     boolean     NOT NULL,
    agreed_at  timestamptz NOT NULL,
    CONSTRAINT terms_agreements_once_per_version UNIQUE (user_id, terms_code, version)
);

CREATE TABLE refresh_tokens (
    id            uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- every token descending from one login shares a family; reuse of any member revokes all of them
    family_id     uuid        NOT NULL,
    -- SHA-256 of the token: a database leak does not hand out usable tokens
    token_hash    bytea       NOT NULL CHECK (length(token_hash) = 32),
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    replaced_by   uuid        REFERENCES refresh_tokens (id),
    revoked_at    timestamptz,
    revoke_reason text        CHECK (revoke_reason IN ('LOGOUT', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'WITHDRAWN')),
    CONSTRAINT refresh_tokens_hash_key UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_expiry_after_creation CHECK (expires_at > created_at),
    CONSTRAINT refresh_tokens_replaced_only_when_used CHECK (replaced_by IS NULL OR used_at IS NOT NULL),
    CONSTRAINT refresh_tokens_revocation_has_reason CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_live_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

CREATE TABLE login_history (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         uuid        REFERENCES users (id) ON DELETE SET NULL,
    email_attempted text        NOT NULL CHECK (length(email_attempted) <= 320),
    ip              varchar(45),
    user_agent      varchar(512),
    success         boolean     NOT NULL,
    failure_reason  text        CHECK (failure_reason IN ('UNKNOWN_EMAIL', 'BAD_PASSWORD', 'ACCOUNT_LOCKED',
                                                          'RATE_LIMITED_IP', 'RATE_LIMITED_ACCOUNT')),
    attempted_at    timestamptz NOT NULL,
    CONSTRAINT login_history_reason_iff_failure CHECK (success = (failure_reason IS NULL))
);

CREATE INDEX login_history_user_idx ON login_history (user_id, attempted_at DESC);
CREATE INDEX login_history_email_idx ON login_history (lower(email_attempted), attempted_at DESC);
