/**
 * A textbook GCRA (generic cell rate algorithm) over several limits, all or nothing: the reference
 * that bench/algorithm-cost.ts measures our exact sliding-window script against. Not used by the
 * product: it admits up to N + B per window W (B = the bucket's depth) where our log admits N.
 */
export const GCRA_REFERENCE_SCRIPT = `--[[
KEYS[i]  the theoretical arrival time (TAT, ms) of the i-th limit, a string
ARGV     per KEYS[i]: cost, emission interval (ms per unit), depth (units admitted at once)
Returns  1 admitted (every TAT moved on) or 0 refused (nothing written)
]]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local tats = {}
for i = 1, #KEYS do
  local cost, interval, depth = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i])
  local tat = math.max(tonumber(redis.call('GET', KEYS[i])) or now, now)
  tats[i] = tat + cost * interval
  if tats[i] - now > depth * interval then return 0 end
end
for i = 1, #KEYS do
  redis.call('SET', KEYS[i], string.format('%.3f', tats[i]), 'PX', math.max(1, math.ceil(tats[i] - now)))
end
return 1
`;
