-- Numbered V20 so that migrations other branches add in the meantime (V2, V3, ...) keep running first.
-- An administrator can lock an account: it cannot sign in or refresh until unlocked, and its tokens are revoked.
-- Apart from locked_until, which is the brute-force lockout that ends by itself.
ALTER TABLE users ADD COLUMN admin_locked_at timestamptz;
ALTER TABLE users ADD COLUMN admin_lock_reason varchar(200);
ALTER TABLE users ADD CONSTRAINT users_admin_lock_has_time
    CHECK (admin_lock_reason IS NULL OR admin_locked_at IS NOT NULL);

ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_revoke_reason_check;
ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_revoke_reason_check
    CHECK (revoke_reason IN ('LOGOUT', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'WITHDRAWN', 'ADMIN_LOCKED'));
