-- Where a user stands, read in one consistent step.
-- KEYS: 1 queue zset, 2 admitted marker, 3 tickets hash; ARGV: 1 userId
local token = redis.call('GET', KEYS[2])
if token then
  return {'ADMITTED', token, redis.call('PTTL', KEYS[2]), redis.call('ZCARD', KEYS[1])}
end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  return {'WAITING', rank, redis.call('ZCARD', KEYS[1]), tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')}
end
return {'NONE'}
