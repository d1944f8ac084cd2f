-- An event's line as everyone sees it, read in one consistent step.
-- KEYS: 1 queue zset, 2 served-through, 3 last ticket, 4 closed marker
-- Returns the highest ticket admitted, how many wait, whether the room was ever opened (1/0) and why it was
-- closed for good (false while open).
local opened = (redis.call('EXISTS', KEYS[3]) == 1 or redis.call('EXISTS', KEYS[1]) == 1) and 1 or 0
return {tonumber(redis.call('GET', KEYS[2]) or '0'), redis.call('ZCARD', KEYS[1]), opened, redis.call('GET', KEYS[4])}
