-- The 360° page of a random client (the list mixes typical clients and the largest ones).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
local common = require("common")
local ids = common.lines(os.getenv("BENCH_WORK") .. "/record_ids.txt")
init = function() common.seed() end
request = function()
  return wrk.format("GET", "/clients/" .. ids[math.random(#ids)], { ["Cookie"] = common.cookie })
end
