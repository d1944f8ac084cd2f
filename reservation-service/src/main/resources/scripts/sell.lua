-- A paid reservation's seats become sold markers ('sold:<reservation id>') that refuse every later hold
-- until event-service's seat status has caught up. Whatever held a seat is overwritten: the database allows
-- one live reservation per seat, so another holder can only be a hold taken after Redis lost its data, and
-- the database refuses it anyway.
-- KEYS: 1 held index, 2 sold index, 3.. seat keys
-- ARGV: 1 reservation id, 2 marker ttl ms, 3 marker expiry (epoch ms), 4.. seat ids (one per seat key)
for i = 3, #KEYS do
  redis.call('SET', KEYS[i], 'sold:' .. ARGV[1], 'PX', ARGV[2])
  redis.call('ZREM', KEYS[1], ARGV[i + 1])
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[i + 1])
end
return #KEYS - 2
