-- wrk script for the benchmark: every request is a POST carrying the next body of a file
-- (one JSON body per line), so consecutive requests carry different keys.
-- Environment: WRK_BODIES (path of the file), WRK_TOKEN (bearer token, optional).
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
