-- wrk script: POST GraphQL bodies read from a file (one JSON document per line, the file named after "--"),
-- round robin; count answers that are not 200 or that carry "errors"; print the summary as one JSON line.
--
-- The runner gives wrk one thread per connection, so within a thread every response answers the request written
-- just before it. Each thread times its own requests on the monotonic clock. Those per-request times give
-- "p50_us" and "p99_us". wrk's own histogram ("co_*") adds synthetic samples for coordinated omission when it
-- reports; both are printed.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } graph_bench_timespec;
  int clock_gettime(int clock_id, graph_bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("graph_bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

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
  took = {}
  sent_at = nil
  headers = {["Content-Type"] = "application/json"}
end

function request()
  index = index % #bodies + 1
  sent_at = now_us()
  return wrk.format("POST", nil, headers, bodies[index])
end

function response(status, _, body)
  if sent_at then
    took[#took + 1] = now_us() - sent_at
    sent_at = nil
  end
  if status ~= 200 or string.find(body, '"errors"', 1, true) then bad = bad + 1 end
end

local function rank(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(p / 100 * #sorted))]
end

function done(summary, latency, _)
  local bad_answers, all, total = 0, {}, 0
  for _, thread in ipairs(threads) do
    bad_answers = bad_answers + (thread:get("bad") or 0)
    for _, us in ipairs(thread:get("took") or {}) do
      all[#all + 1] = us
      total = total + us
    end
  end
  table.sort(all)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, '
      .. '"status_errors": %d, "timeouts": %d, "bad_answers": %d, "timed": %d, "p50_us": %.1f, "p90_us": %.1f, '
      .. '"p99_us": %.1f, "max_us": %.1f, "mean_us": %.1f, "co_p50_us": %d, "co_p99_us": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout, bad_answers, #all,
    rank(all, 50), rank(all, 90), rank(all, 99), all[#all] or 0, #all > 0 and total / #all or 0,
    latency:percentile(50), latency:percentile(99)))
end
