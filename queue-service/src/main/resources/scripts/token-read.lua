-- A token's binding and remaining life in one read, and whether it was revoked.
-- KEYS: 1 token hash, 2 revocation tombstone
local t = redis.call('HMGET', KEYS[1], 'userId', 'eventId', 'kind')
if not t[1] then
  return {redis.call('EXISTS', KEYS[2])}
end
return {0, t[1], t[2], t[3], redis.call('PTTL', KEYS[1])}
