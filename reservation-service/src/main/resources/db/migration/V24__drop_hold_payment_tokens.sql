-- Payment tokens are signed now (reservation-service signs one with each hold, payment-service checks it
-- without asking anyone): nothing needs them back after Redis loses its data, so they are no longer kept.
DROP TABLE hold_payment_tokens;
