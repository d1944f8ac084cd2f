-- Closes an event's waiting room for good (the event was cancelled): everyone waiting is let go — their
-- one-queue-per-user mapping too, so they can queue for another event —, the room leaves the admission
-- scheduler's set and is marked closed, and every instance is told so its streams can say so.
-- KEYS: 1 queue zset, 2 open queues set, 3 closed marker, 4 tickets hash, 5 last ticket, 6 served-through;
-- the closed channel's name is ARGV[3]
-- ARGV: 1 eventId, 2 key prefix ("queue:"), 3 channel, 4 marker ttl ms, 5 reason
local queue, openQueues, closed = KEYS[1], KEYS[2], KEYS[3]
local eventId, prefix = ARGV[1], ARGV[2]
local waiting = redis.call('ZRANGE', queue, 0, -1)
for _, userId in ipairs(waiting) do
  local userQueue = prefix .. 'user:' .. userId
  if redis.call('GET', userQueue) == eventId then
    redis.call('DEL', userQueue)
  end
end
redis.call('DEL', queue, KEYS[4], KEYS[5], KEYS[6])
redis.call('SREM', openQueues, eventId)
redis.call('SET', closed, ARGV[5], 'PX', tonumber(ARGV[4]))
redis.call('PUBLISH', ARGV[3], eventId)
return #waiting
