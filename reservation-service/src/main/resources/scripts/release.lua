-- Compare-and-delete: free the seats whose key still says ARGV[1] (a reservation's hold, or its sold
-- marker), so that a late release never frees a seat someone else has taken since. A seat whose key is
-- gone is free too; its index entry is stale and goes. Returns the seats now free.
-- KEYS: 1 index (held or sold), 2.. seat keys; ARGV: 1 expected key value, 2.. seat ids (one per seat key)
local freed = {}
for i = 2, #KEYS do
  local holder = redis.call('GET', KEYS[i])
  if holder == ARGV[1] then
    redis.call('DEL', KEYS[i])
  end
  if holder == ARGV[1] or not holder then
    redis.call('ZREM', KEYS[1], ARGV[i])
    freed[#freed + 1] = ARGV[i]
  end
end
return freed
