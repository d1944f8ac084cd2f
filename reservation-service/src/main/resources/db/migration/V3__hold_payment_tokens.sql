-- The payment token (qp_…) handed out with each hold. queue-service keeps tokens in Redis only; when Redis
-- loses its data, reservation-service gives queue-service back the tokens of holds that are still live, so
-- their buyers can still pay (see dev.tiketi.reservation.hold.RedisRecovery).
CREATE TABLE hold_payment_tokens (
    reservation_id  uuid         PRIMARY KEY REFERENCES reservations (id),
    token           varchar(64)  NOT NULL,
    expires_at      timestamptz  NOT NULL
);
