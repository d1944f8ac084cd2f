-- Take the holds of every seat for one reservation, or of none: one seat held by another reservation, or
-- sold, refuses the whole request. Seats the reservation already holds are taken again (a seat change that
-- keeps some seats). Index entries whose time is over are pruned on the way.
-- A new hold also names the tombstone of the buyer's admission (queue-service writes it when it ends the
-- admission early: BuyerTokens.admissionRevokedKey); if it is there nothing is taken. Checking it here, in the
-- script the hold runs anyway, costs no round trip, and no hold can slip in after the admission ended.
-- A new hold also names the buyer's hold marker for the event (HoldKeys.buyerHold): set when a new hold is
-- taken, lasting as long as the hold. When seats are refused, the answer says whether the marker is there, so
-- that only then does the service ask the database whether the buyer holds seats already (hold-exists): a
-- buyer without the marker has taken no hold for the event in the hold's lifetime.
-- KEYS: 1 held index, 2 sold index, then for a new hold 3 admission tombstone and 4 buyer hold marker,
--       then the seat keys
-- ARGV: 1 reservation id, 2 hold ttl ms, 3 hold expiry (epoch ms), 4 now (epoch ms), 5 '1' for a new hold,
--       6.. seat ids (one per seat key)
-- Returns {} when every seat is held, else {'1' if the buyer's hold marker is there else '0', then seat id and
-- 'SOLD' or 'HELD' for each refused seat}, or {'ADMISSION_REVOKED'}.
local newHold = ARGV[5] == '1'
local firstSeat = 3
if newHold then
  firstSeat = 5
  if redis.call('EXISTS', KEYS[3]) == 1 then
    return {'ADMISSION_REVOKED'}
  end
end
local refused = {'0'}
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
if #refused > 1 then
  if newHold and redis.call('EXISTS', KEYS[4]) == 1 then
    refused[1] = '1'
  end
  return refused
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[4])
for i = firstSeat, #KEYS do
  redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2])
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[i - firstSeat + 6])
end
if newHold then
  redis.call('SET', KEYS[4], ARGV[1], 'PX', ARGV[2])
end
return {}
