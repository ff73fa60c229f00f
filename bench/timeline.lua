-- The timeline's next page (keyset cursor after the first 25 entries), as "Voir plus" asks for it with htmx.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
local common = require("common")
local rows = common.lines(os.getenv("BENCH_WORK") .. "/timeline_cursors.txt")
init = function() common.seed() end
request = function()
  local id, cursor = rows[math.random(#rows)]:match("(%S+)%s+(%S+)")
  return wrk.format("GET", "/clients/" .. id .. "/timeline?before=" .. cursor,
      { ["Cookie"] = common.cookie, ["HX-Request"] = "true" })
end
