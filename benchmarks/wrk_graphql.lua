-- wrk script: POST GraphQL bodies read from a file (one JSON document per line, the file named after "--"),
-- round robin; count answers that are not 200 or that carry "errors"; print the summary as one JSON line.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if #line > 0 then bodies[#bodies + 1] = line end
  end
  index = (id or 0) * 7
  bad = 0
  headers = {["Content-Type"] = "application/json"}
end

function request()
  index = index % #bodies + 1
  return wrk.format("POST", nil, headers, bodies[index])
end

function response(status, _, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end
end

function done(summary, latency, _)
  local bad_answers = 0
  for _, thread in ipairs(threads) do bad_answers = bad_answers + (thread:get("bad") or 0) end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, '
      .. '"status_errors": %d, "timeouts": %d, "bad_answers": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
      .. '"max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, bad_answers,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
