-- POST of a new interaction (with its CSRF token) on a random client: the sales rep's "log a call".
-- BENCH_LOG_COOKIE / BENCH_LOG_CSRF: the session of the posts (its own, see run.sh), else the readers' one.
package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
local common = require("common")
local ids = common.lines(os.getenv("BENCH_WORK") .. "/record_ids.txt")
local csrf = os.getenv("BENCH_LOG_CSRF") or os.getenv("BENCH_CSRF")
local cookie = os.getenv("BENCH_LOG_COOKIE") or common.cookie
local occurred = os.getenv("BENCH_OCCURRED_AT")
local n = 0
init = function() common.seed() end
request = function()
  n = n + 1
  local body = "_csrf=" .. csrf .. "&channel=PHONE&direction=OUTBOUND&occurredAt=" .. occurred
      .. "&subject=Appel+de+suivi+" .. n .. "&summary=Point+sur+la+commande+en+cours"
      .. "&outcome=Client+satisfait&sentiment=POSITIVE&nextStepAction=Rappeler&nextStepDue=2030-01-15"
  return wrk.format("POST", "/clients/" .. ids[math.random(#ids)] .. "/interactions",
      { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
