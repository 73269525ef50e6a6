-- A wrk script for `make load`: GETs of the paths given after `--`, in turn, and every
-- SUBMIT_EVERY-th request a hearing input posted with the CSRF token and cookie the runner
-- fetched first, from a client address of its own (the portal counts input per address).
-- At the end it prints one line of JSON with the figures the runner reads.

local paths, counter = {}, 0
local submit_every = tonumber(os.getenv("SUBMIT_EVERY") or "0")
local hearing = os.getenv("HEARING_PATH")
local token = os.getenv("CSRF_TOKEN")
local cookie = os.getenv("CSRF_COOKIE")

function init(args)
  for _, path in ipairs(args) do
    paths[#paths + 1] = path
  end
  math.randomseed(os.time() + #tostring({}))
end

function request()
  counter = counter + 1
  if submit_every > 0 and counter % submit_every == 0 then
    local body = "csrfmiddlewaretoken=" .. token
      .. "&name=Last+Testesen&organisation=&email=last%40example.no&website="
      .. "&text=Et+innspill+sendt+under+lasttesten."
    local headers = {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = "csrftoken=" .. cookie,
      ["X-Forwarded-For"] = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "."
        .. math.random(1, 254),
    }
    return wrk.format("POST", hearing, headers, body)
  end
  return wrk.format("GET", paths[counter % #paths + 1])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, '
      .. '"max_ms": %.2f, "errors_connect": %d, "errors_read": %d, "errors_write": %d, '
      .. '"errors_status": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout
  ))
end
