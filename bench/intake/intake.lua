-- wrk script: every request receives a new dossier at the one-stop desk (POST /api/communes/{c}/dossiers).
-- TOKEN: a desk officer's bearer token. Each thread counts 201s and anything else; done() prints one RESULT line.
local token = os.getenv("TOKEN") or error("TOKEN is not set")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  created, other, n = 0, 0, 0
end

function request()
  n = n + 1
  local body = string.format(
    '{"procedureCode":"ho-tich-ket-hon","applicant":{"name":"Nguyễn Văn Thử %d-%d","phone":"09%08d","hamlet":"ap-1"}}',
    id, n, (id * 10000000 + n) % 100000000)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f created=%d other=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, c, o,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
