-- Give back a payment token that Redis lost (reservation-service keeps the token of every live hold), never
-- overwriting or prolonging a token Redis still has and never bringing back a revoked one.
-- KEYS: 1 payment token hash, 2 its revocation marker; ARGV: 1 userId, 2 eventId, 3 expiry (epoch ms)
if redis.call('EXISTS', KEYS[2]) == 1 then
  return 'revoked'
end
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 'present'
end
redis.call('HSET', KEYS[1], 'userId', ARGV[1], 'eventId', ARGV[2], 'kind', 'PAYMENT')
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
return 'restored'
