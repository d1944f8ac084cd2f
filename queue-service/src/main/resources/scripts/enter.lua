-- Enter a waiting room atomically: admitted users get their admission back, one waiting place per user,
-- the capacity check and the add cannot interleave with another enter.
-- KEYS: 1 queue zset, 2 user -> event mapping, 3 admitted marker, 4 set of open queues, 5 last score,
--       6 last ticket, 7 tickets hash
-- ARGV: 1 userId, 2 eventId, 3 capacity, 4 key prefix of queues ("queue:")
local queue, userQueue, admitted, openQueues, lastScore = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local lastTicket, tickets = KEYS[6], KEYS[7]
local userId, eventId, capacity, queuePrefix = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]

local token = redis.call('GET', admitted)
if token then
  return {'ADMITTED', token, redis.call('PTTL', admitted), redis.call('ZCARD', queue)}
end

local current = redis.call('GET', userQueue)
-- the mapping is only a hint: a place that no longer exists (queue deleted) does not block
if current and current ~= eventId and redis.call('ZSCORE', queuePrefix .. current, userId) then
  return {'OTHER_QUEUE', current}
end

if not redis.call('ZSCORE', queue, userId) then
  if redis.call('ZCARD', queue) >= capacity then
    return {'FULL'}
  end
  -- arrival time in microseconds by Redis's clock (one clock for every instance), nudged past the last
  -- arrival so equal times still keep FIFO order; ~1.7e15 is exact in a double
  local now = redis.call('TIME')
  local score = tonumber(now[1]) * 1000000 + tonumber(now[2])
  local last = tonumber(redis.call('GET', lastScore) or '0')
  if score <= last then
    score = last + 1
  end
  local scoreText = string.format('%.0f', score)
  redis.call('SET', lastScore, scoreText)
  redis.call('ZADD', queue, 'NX', scoreText, userId)
  -- the buyer's number in the line, handed out in the same order as the scores: the public progress figure
  -- (the highest ticket admitted) tells every client how far the line has moved without asking per buyer
  redis.call('HSET', tickets, userId, redis.call('INCR', lastTicket))
  redis.call('SET', userQueue, eventId)
  redis.call('SADD', openQueues, eventId)
end
return {'WAITING', redis.call('ZRANK', queue, userId), redis.call('ZCARD', queue),
  tonumber(redis.call('HGET', tickets, userId) or '0')}
