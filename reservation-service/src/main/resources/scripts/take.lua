-- Take the holds of every seat for one reservation, or of none: one seat held by another reservation, or
-- sold, refuses the whole request. Seats the reservation already holds are taken again (a seat change that
-- keeps some seats). Index entries whose time is over are pruned on the way.
-- KEYS: 1 held index, 2 sold index, 3.. seat keys
-- ARGV: 1 reservation id, 2 hold ttl ms, 3 hold expiry (epoch ms), 4 now (epoch ms), 5.. seat ids (one per seat key)
local refused = {}
for i = 3, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder and holder ~= ARGV[1] then
    refused[#refused + 1] = ARGV[i + 2]
    if string.sub(holder, 1, 5) == 'sold:' then
      refused[#refused + 1] = 'SOLD'
    else
      refused[#refused + 1] = 'HELD'
    end
  end
end
if #refused > 0 then
  return refused
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
for i = 3, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[i + 2])
end
return refused
