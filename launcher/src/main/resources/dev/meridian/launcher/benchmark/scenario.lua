-- One benchmark scenario for wrk. Every request GETs a path drawn at random from the file named after "--"
-- (one path with its query per line), with the headers given by -H. When the run ends, one line for
-- HttpLoad: requests, failures (answers of 400 and above, socket errors, timeouts), duration and latency
-- percentiles, all in microseconds.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(id)
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("MERIDIAN-WRK %d %d %d %d %d %d\n", summary.requests,
    errors.status + errors.connect + errors.read + errors.write + errors.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
