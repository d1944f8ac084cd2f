-- A user leaves an event's waiting room or ends an admission: the place, the admission token and the
-- capacity slot all go at once, so a slot is never returned twice or kept by a revoked token.
-- KEYS: 1 queue zset, 2 user -> event mapping, 3 admitted marker, 4 active zset
-- ARGV: 1 userId, 2 eventId, 3 key prefix of tokens ("queue:token:")
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[2])
end
local token = redis.call('GET', KEYS[3])
if token then
  redis.call('DEL', ARGV[3] .. token, KEYS[3])
end
return redis.call('ZREM', KEYS[4], ARGV[1])
