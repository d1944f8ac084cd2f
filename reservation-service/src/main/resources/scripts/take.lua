-- Take the holds of every seat for one reservation, or of none: one seat held by another reservation, or
-- sold, refuses the whole request. Seats the reservation already holds are taken again (a seat change that
-- keeps some seats). Index entries whose time is over are pruned on the way.
-- A new hold also names the tombstone of the buyer's admission (queue-service writes it when it ends the
-- admission early: BuyerTokens.admissionRevokedKey); if it is there nothing is taken. Checking it here, in the
-- script the hold runs anyway, costs no round trip, and no hold can slip in after the admission ended.
-- KEYS: 1 held index, 2 sold index, 3 .. 2 + ARGV[5] admission tombstones (none or one), then the seat keys
-- ARGV: 1 reservation id, 2 hold ttl ms, 3 hold expiry (epoch ms), 4 now (epoch ms), 5 number of tombstones,
--       6.. seat ids (one per seat key)
local firstSeat = 3 + tonumber(ARGV[5])
for i = 3, firstSeat - 1 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    return {'ADMISSION_REVOKED'}
  end
end
local refused = {}
for i = firstSeat, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder and holder ~= ARGV[1] then
    refused[#refused + 1] = ARGV[i - firstSeat + 6]
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
for i = firstSeat, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[i - firstSeat + 6])
end
return refused
