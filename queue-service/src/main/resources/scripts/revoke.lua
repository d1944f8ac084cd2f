-- Revoke a token. An admission token also ends its admission, so its capacity slot returns at once.
-- A tombstone lives as long as the token would have, so validation can say "revoked" rather than "unknown".
-- KEYS: 1 token hash, 2 tombstone; ARGV: 1 token, 2 key prefix ("queue:")
local t = redis.call('HMGET', KEYS[1], 'userId', 'eventId', 'kind')
if not t[1] then
  return 0
end
local ttl = redis.call('PTTL', KEYS[1])
redis.call('DEL', KEYS[1])
if ttl > 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ttl)
end
if t[3] == 'ADMISSION' then
  local admitted = ARGV[2] .. 'admitted:' .. t[2] .. ':' .. t[1]
  if redis.call('GET', admitted) == ARGV[1] then
    redis.call('DEL', admitted)
    redis.call('ZREM', ARGV[2] .. 'active:' .. t[2], t[1])
  end
end
return 1
