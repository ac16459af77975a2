-- wrk script for the benchmark: every request is a POST carrying the next body of a file
-- (one JSON body per line), so consecutive requests carry different keys.
-- Environment: WRK_BODIES (path of the file), WRK_TOKEN (bearer token, optional), WRK_DELAY_MS
-- (optional: each connection waits about this long after an answer before its next request,
-- which paces the load below saturation).
-- On exit it prints one JSON line: requests, seconds, p50/p99 latency (ms), errors, non2xx.
local requests, count, next_index = {}, 0, 0

function init(args)
  local headers = { ["Content-Type"] = "application/json" }
  local token = os.getenv("WRK_TOKEN")
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  for line in io.lines(os.getenv("WRK_BODIES")) do
    count = count + 1
    requests[count] = wrk.format("POST", nil, headers, line)
  end
end

local pause = tonumber(os.getenv("WRK_DELAY_MS") or "")
if pause then
  -- Drawn around the mean, so the connections do not fall into step and send in bursts.
  function delay()
    return math.random(0, 2 * pause)
  end
end

function request()
  next_index = next_index % count + 1
  return requests[next_index]
end

function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%f,"p50":%f,"p99":%f,"errors":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status))
end
