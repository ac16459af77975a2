/**
 * The limiter's hot path: one atomic Redis call per API request. Changing a byte changes its
 * SHA1, which tests/limiter/script-pin.test.ts pins on purpose.
 */
export const SLIDING_WINDOW_SCRIPT = `--[[
Exact sliding-window log: evaluates every limit of one request, then consumes all of them or none.

KEYS[i]  the log of the i-th distinct key: a sorted set, score = ms, one member per consumed unit.
         All KEYS share one {hash tag} (one Redis Cluster slot).
ARGV[1]  "1" = check (trims dead units, consumes when every limit passes), "0" = peek (read only)
ARGV[2]  request id, unique per check: unit j is stored as "<id>:<j>"
then, for each KEYS[i] in order: cost, longestWindowMs, n, and n pairs windowMs, max (its specs).

Returns {allowed 1|0, now, retryAt (0 when allowed), binding} then, per spec in argument order,
{units in its window before consuming, ms when the oldest of them leaves it, ms when it has room
for the cost again if it refused, else 0}.
binding: for an admitted check, the 1-based position of the spec closest to refusal (the lowest
share left after consuming; the first of equals), else 0. The oldest unit's exit is 0 when the
window is empty; otherwise a check looks it up for the binding spec only (-1 for the others:
an answer reports the binding limit alone, and each lookup costs a ZRANGE); a peek, for all.

A unit stamped t is in a window while now - t < windowMs. The clock is Redis TIME so every client
agrees (Redis 7 replicates effects, so TIME before a write is allowed).

Numbers handed to redis.call are formatted as integers ('%d') or passed as the strings they came
in: Lua's own number-to-string conversion goes through the C library's floating-point printf,
which was a tenth of Redis's time in a profile.
]]
local time = redis.call('TIME')
-- Seconds, then the milliseconds digits of the microseconds (0-999999, unpadded).
local nowText = time[1] .. string.sub('00000' .. time[2], -6, -4)
local now = tonumber(nowText)
local function int(x) return string.format('%d', x) end
local UNIT_SUFFIX = {':1', ':2', ':3', ':4', ':5', ':6', ':7', ':8', ':9', ':10'} -- cost <= 10
local check = ARGV[1] == '1'
local allowed, retryAt = true, 0
local out, o = {1, now, 0, 0}, 4
local costs, longestTexts = {}, {}
-- A check's binding candidate: its share left, its position, and where its oldest unit is.
local bindingShare, binding, bindingKey, bindingRank, bindingWindow = math.huge, 0, nil, 0, 0

-- Score of the unit at a rank (0 = oldest), read once per key and rank.
local function scoreAt(key, rank, memo)
  local score = memo[rank]
  if score == nil then
    local r = int(rank)
    score = tonumber(redis.call('ZRANGE', key, r, r, 'WITHSCORES')[2])
    memo[rank] = score
  end
  return score
end

local a = 3
for i = 1, #KEYS do
  local key = KEYS[i]
  local cost, longest, n = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  costs[i], longestTexts[i] = cost, ARGV[a + 1]
  -- Only a check trims: a peek may carry a subset of the key's specs and drop live units.
  if check then redis.call('ZREMRANGEBYSCORE', key, '-inf', int(now - longest)) end
  local card = redis.call('ZCARD', key)
  local memo = {}
  for s = a + 3, a + 1 + 2 * n, 2 do
    local window, max = tonumber(ARGV[s]), tonumber(ARGV[s + 1])
    local count, exit, roomAt = card, 0, 0
    if card > 0 and (window < longest or not check) then
      count = redis.call('ZCOUNT', key, '(' .. int(now - window), '+inf')
    end
    -- The units in this window hold the top ranks: card - count .. card - 1.
    if count > 0 then
      if check then exit = -1 else exit = scoreAt(key, card - count, memo) + window end
    end
    if cost > 0 and count + cost > max then
      allowed = false
      roomAt = now + window -- cost > max: this window never admits the request
      if cost <= max then
        -- The (count + cost - max)-th oldest unit in the window must leave first.
        roomAt = scoreAt(key, card + cost - max - 1, memo) + window
      end
      if roomAt > retryAt then retryAt = roomAt end
    elseif check then
      local share = 0
      if max > 0 then share = (max - count - cost) / max end
      if share < bindingShare then
        bindingShare, binding = share, (o - 1) / 3
        bindingKey, bindingRank, bindingWindow = key, card - count, window
      end
    end
    out[o + 1], out[o + 2], out[o + 3] = count, exit, roomAt
    o = o + 3
  end
  a = a + 3 + 2 * n
end

if allowed and check then
  out[4] = binding
  local slot = 3 * binding + 3
  if out[slot] == -1 then
    local r = int(bindingRank)
    out[slot] = tonumber(redis.call('ZRANGE', bindingKey, r, r, 'WITHSCORES')[2]) + bindingWindow
  end
  for i = 1, #KEYS do
    local cost = costs[i]
    if cost > 0 then
      local units = {}
      for j = 1, cost do
        units[2 * j - 1] = nowText
        units[2 * j] = ARGV[2] .. UNIT_SUFFIX[j]
      end
      redis.call('ZADD', KEYS[i], unpack(units))
      redis.call('PEXPIRE', KEYS[i], longestTexts[i])
    end
  end
end
out[1] = allowed and 1 or 0
out[3] = allowed and 0 or retryAt
return out
`;
