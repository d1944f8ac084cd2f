-- One admission tick for one event, atomically: return expired slots, work out how many the policy allows,
-- pop that many from the head of the queue and admit each. Popping and admitting in one script is what makes
-- "nobody admitted twice, nobody skipped" hold across instances and crashes. An admission is the marker
-- "<token id>.<expiry epoch seconds>"; Java signs the buyer's token from it (AdmissionTokens), here it cannot.
-- KEYS: 1 queue zset, 2 active zset (userId scored by expiry ms), 3 policy hash, 4 stats hash, 5 open queues set,
--       6 tickets hash, 7 served-through (highest ticket admitted)
-- ARGV: 1 eventId, 2 token ttl ms, 3 default type, 4 default rate/s, 5 default max active,
--       6 key prefix ("queue:"), 7.. fresh random token ids (at most that many are admitted)
-- Returns userId, marker, milliseconds waited (since entering: the queue score is the entry time in µs) per
-- admitted user, in queue order.
local queue, active, policy, stats, openQueues = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local tickets, servedThrough = KEYS[6], KEYS[7]
local eventId, ttl, prefix = ARGV[1], tonumber(ARGV[2]), ARGV[6]
local firstToken = 7

local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)

local p = redis.call('HMGET', policy, 'type', 'rate', 'maxActive', 'paused')
local kind = p[1] or ARGV[3]
local rate = tonumber(p[2] or ARGV[4])
local maxActive = tonumber(p[3] or ARGV[5])
local paused = p[4] == '1'

-- admissions whose token expired give their capacity slot back
redis.call('ZREMRANGEBYSCORE', active, '-inf', now)

local s = redis.call('HMGET', stats, 'lastTick', 'credit', 'windowStart', 'windowCount')
local lastTick = tonumber(s[1] or now)
local credit = tonumber(s[2] or '0')
local windowStart = tonumber(s[3] or now)
local windowCount = tonumber(s[4] or '0')

local allowed = 0
if not paused then
  if kind == 'CAPACITY' then
    allowed = maxActive - redis.call('ZCARD', active)
  else
    -- credit accrues with elapsed time, so the rate holds whatever the tick length or a missed tick;
    -- capped at one second's worth so a long pause or an empty queue is not followed by a burst
    credit = math.min(credit + rate * (now - lastTick) / 1000, math.max(rate, 1))
    allowed = math.floor(credit)
  end
end
allowed = math.min(allowed, #ARGV - firstToken + 1)

local admitted = {}
local highestTicket = 0
if allowed > 0 then
  local popped = redis.call('ZPOPMIN', queue, allowed)
  local expiresAt = now + ttl
  -- the token's expiry in whole seconds, never after the marker's own
  local expirySeconds = string.format('%.0f', math.floor(expiresAt / 1000))
  for i = 1, #popped, 2 do
    local userId = popped[i]
    local marker = ARGV[firstToken + (i - 1) / 2] .. '.' .. expirySeconds
    redis.call('SET', prefix .. 'admitted:' .. eventId .. ':' .. userId, marker, 'PX', ttl)
    redis.call('ZADD', active, expiresAt, userId)
    local userQueue = prefix .. 'user:' .. userId
    if redis.call('GET', userQueue) == eventId then
      redis.call('DEL', userQueue)
    end
    highestTicket = math.max(highestTicket, tonumber(redis.call('HGET', tickets, userId) or '0'))
    redis.call('HDEL', tickets, userId)
    admitted[#admitted + 1] = userId
    admitted[#admitted + 1] = marker
    admitted[#admitted + 1] = math.max(0, now - math.floor(tonumber(popped[i + 1]) / 1000))
  end
end
local count = #admitted / 3
if highestTicket > tonumber(redis.call('GET', servedThrough) or '0') then
  redis.call('SET', servedThrough, highestTicket)
end
if kind ~= 'CAPACITY' and not paused then
  credit = credit - count
end

-- the observed admission rate over windows of at least five seconds, for the admin view and estimates
windowCount = windowCount + count
if now - windowStart >= 5000 then
  redis.call('HSET', stats, 'rate', string.format('%.2f', windowCount * 1000 / (now - windowStart)))
  windowStart = now
  windowCount = 0
end
redis.call('HSET', stats, 'lastTick', now, 'credit', string.format('%.4f', credit),
  'windowStart', windowStart, 'windowCount', windowCount)
if count > 0 then
  redis.call('HINCRBY', stats, 'admitted', count)
  -- admissions per minute for the last hour's admin figures: one small key per event and minute, gone after
  -- 65 minutes, read with one MGET of the last 60 (no KEYS/SCAN)
  local minuteKey = prefix .. 'admissions:' .. eventId .. ':' .. math.floor(now / 60000)
  redis.call('INCRBY', minuteKey, count)
  redis.call('PEXPIRE', minuteKey, 3900000)
end
if redis.call('ZCARD', queue) == 0 then
  redis.call('SREM', openQueues, eventId)
end
return admitted
