-- The clients list searched by a term from BENCH_TERMS (name prefixes or email addresses), full page.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
local common = require("common")
local terms = common.lines(os.getenv("BENCH_TERMS"))
init = function() common.seed() end
request = function()
  return wrk.format("GET", "/clients?q=" .. terms[math.random(#terms)], { ["Cookie"] = common.cookie })
end
