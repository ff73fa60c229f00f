-- Shared by the wrk scenarios: the session cookie, a list of inputs read from a file, a random pick per request.
local M = {}

function M.lines(path)
  local rows = {}
  for line in io.lines(path) do
    if line ~= "" then rows[#rows + 1] = line end
  end
  return rows
end

function M.seed()
  -- one seed per wrk thread, so threads do not replay the same sequence
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

M.cookie = os.getenv("BENCH_COOKIE")
return M
