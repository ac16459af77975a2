/** Deletes limiter logs at once. Pinned like the check script (tests/limiter/script-pin.test.ts). */
export const CLEAR_LOGS_SCRIPT = `--[[
KEYS     distinct limiter logs (sorted sets) sharing one {hash tag}
Returns  the number of units they held, then deletes them all.
]]
local units = 0
for i = 1, #KEYS do
  units = units + redis.call('ZCARD', KEYS[i])
end
redis.call('DEL', unpack(KEYS))
return units
`;
