-- The clients list searched by a term from BENCH_TERMS (name prefixes or email addresses), full page;
-- BENCH_QUERY_SUFFIX is added to the query ("&match=ANYWHERE" to look for the text anywhere).
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
local common = require("common")
local terms = common.lines(os.getenv("BENCH_TERMS"))
local suffix = os.getenv("BENCH_QUERY_SUFFIX") or ""
init = function() common.seed() end
request = function()
  return wrk.format("GET", "/clients?q=" .. terms[math.random(#terms)] .. suffix, { ["Cookie"] = common.cookie })
end
