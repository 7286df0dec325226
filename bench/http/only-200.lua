-- Counts every answer that is not 200 (wrk itself counts only 4xx/5xx, so a redirect to the
-- sign-in page would pass for a fast signed-in page) and prints the count for the script to check.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not200 = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not200 = not200 + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not200")
  end
  io.write(string.format("not200 %d\n", total))
end
