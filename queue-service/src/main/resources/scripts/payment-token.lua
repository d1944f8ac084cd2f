-- Issue a payment token only against a live admission token of the same user and event, in one step so
-- a revocation or expiry cannot slip in between the check and the issue.
-- KEYS: 1 admission token hash, 2 new payment token hash; ARGV: 1 userId, 2 eventId, 3 ttl ms
local t = redis.call('HMGET', KEYS[1], 'userId', 'eventId', 'kind')
if t[3] ~= 'ADMISSION' then
  return 'expired-or-unknown'
end
if t[1] ~= ARGV[1] then
  return 'wrong-user'
end
if t[2] ~= ARGV[2] then
  return 'wrong-event'
end
redis.call('HSET', KEYS[2], 'userId', ARGV[1], 'eventId', ARGV[2], 'kind', 'PAYMENT')
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 'OK'
