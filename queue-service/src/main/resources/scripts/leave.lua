-- A user leaves an event's waiting room or ends an admission: the place, the admission and the capacity slot
-- all go at once, so a slot is never returned twice or kept by a revoked admission. The admission token is
-- signed and checked without asking this service, so ending it leaves a tombstone under its id that
-- reservation-service's hold script reads (BuyerTokens.admissionRevokedKey: a contract between the two), kept
-- while the token could still be shown — its remaining life plus a minute for clocks that disagree.
-- KEYS: 1 queue zset, 2 user -> event mapping, 3 admitted marker, 4 active zset, 5 tickets hash
-- ARGV: 1 userId, 2 eventId, 3 key prefix of the event's tombstones ("queue:revoked:{eventId}:")
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
if redis.call('GET', KEYS[2]) == ARGV[2] then
  redis.call('DEL', KEYS[2])
end
local marker = redis.call('GET', KEYS[3])
if marker then
  local ttl = redis.call('PTTL', KEYS[3])
  local id = string.match(marker, '^([^.]+)%.')
  if id and ttl > 0 then
    redis.call('SET', ARGV[3] .. id, '1', 'PX', ttl + 60000)
  end
  redis.call('DEL', KEYS[3])
end
return redis.call('ZREM', KEYS[4], ARGV[1])
