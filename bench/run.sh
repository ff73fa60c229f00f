#!/usr/bin/env bash
# The benchmark of the 360° record, the timeline, the search and interaction logging at 5 million interactions.
# One command: builds the app, creates a fresh PostgreSQL database, fills it with the generator, starts the app with
# production-like settings, drives HTTP load with wrk at 1, 8 and 32 connections, times the same SQL directly with
# pgbench (the "SQL floor"), and writes docs/benchmarks.md.
#
#   bench/run.sh                 # full size: 100 000 companies, 300 000 people, 5 000 000 interactions
#   BENCH_SCALE=0.01 bench/run.sh   # a quick rehearsal on 1 % of the data (the report says so)
#   BENCH_REUSE_DB=1 bench/run.sh   # the database of an earlier run, not generated again (BENCH_DB names it)
#
# PostgreSQL's shared_buffers should hold the data set (about 3 GB): the tables and indexes are read into it before
# the load (pg_prewarm), else a machine that reclaims its page cache puts the disk in the figures. On a machine
# whose server is small, a second cluster does it: pg_createcluster 15 bench -p 5433, shared_buffers = 4GB,
# then BENCH_PGPORT=5433.
#
# Needs: a PostgreSQL server (default 127.0.0.1:5432, user postgres, trust auth; BENCH_PGHOST/PORT/USER to change),
# its client tools (createdb, psql, pgbench), wrk and curl (Debian packages postgresql-client, wrk, curl).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export BENCH_DIR="$ROOT/bench"
export BENCH_WORK="$ROOT/bench/work"
mkdir -p "$BENCH_WORK"
source .ci/find-jdk.sh

PGHOST=${BENCH_PGHOST:-127.0.0.1}
PGPORT=${BENCH_PGPORT:-5432}
PGUSER=${BENCH_PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${BENCH_DB:-relation_bench_run}
PORT=${BENCH_PORT:-8099}
DURATION=${BENCH_DURATION:-20s}
WARMUP_MAX=${BENCH_WARMUP_MAX:-300}  # seconds at most of warm-up (it ends earlier once the JIT compiler is quiet)
SCALE=${BENCH_SCALE:-1}
# Database connections of the app, and as many requests admitted at once (relation.web.max-concurrent-requests
# defaults to the pool): about three times the cores (here 2, shared by PostgreSQL, the app and wrk).
POOL=${BENCH_POOL:-6}
COMPANIES=$(python3 -c "print(int(100000*$SCALE))")
CONTACTS=$(python3 -c "print(int(300000*$SCALE))")
INTERACTIONS=$(python3 -c "print(int(5000000*$SCALE))")
JAR="$ROOT/crm-web/target/relation.jar"
URL="http://127.0.0.1:$PORT"
APP_PID=""

for tool in wrk pgbench psql createdb curl python3; do
  command -v $tool >/dev/null || { echo "bench needs $tool (apt-get install wrk postgresql-client curl)" >&2; exit 1; }
done

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

start_app() { # $1 = log file, then extra arguments
  local log=$1; shift
  java -Xms1g -Xmx1g -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --spring.datasource.hikari.maximum-pool-size=$POOL --logging.level.root=WARN \
    --relation.feedback.risk-refresh-ms=86400000 "$@" > "$log" 2>&1 &
  # (the churn-risk table is refreshed once, 30 s after start, during the warm-up; not again during the load)
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "$URL/login" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app did not start, see $log" >&2; exit 1; }
    sleep 1
  done
  echo "the app did not answer within 120 s, see $log" >&2; exit 1
}

login() { # exports BENCH_COOKIE (session) and BENCH_CSRF (a form token of that session)
  local jar="$BENCH_WORK/cookies.txt"
  rm -f "$jar"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "username=sales" --data-urlencode "password=relation-demo" \
    --data-urlencode "_csrf=$token" "$URL/login"
  # the form's token is checked against the XSRF-TOKEN cookie (the session is in PostgreSQL, cookie SESSION)
  export BENCH_CSRF=$(curl -s -c "$jar" -b "$jar" "$URL/clients/$(head -1 "$BENCH_WORK/record_ids.txt")/interactions/new" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  export BENCH_COOKIE=$(awk '$6 == "SESSION" || $6 == "XSRF-TOKEN" {printf "%s%s=%s", sep, $6, $7; sep = "; "}' "$jar")
  [ -n "$BENCH_CSRF" ] || { echo "login failed" >&2; exit 1; }
}

echo "== 1. build"
./mvnw -B -q -DskipTests clean package  # clean: an unchanged web module would keep a stale nested jar

if [ "${BENCH_REUSE_DB:-0}" = 1 ] && psql -qAt -d "$DB" -c "select 1 from company limit 1" >/dev/null 2>&1; then
  echo "== 2. reusing database $DB (BENCH_REUSE_DB=1: filled by an earlier run of this script)"
else
  echo "== 2. fresh database $DB filled by the generator ($COMPANIES companies, $CONTACTS people, $INTERACTIONS interactions)"
  dropdb --if-exists "$DB"
  createdb "$DB"
  java -Dloader.path="$ROOT/crm-demo/target/crm-demo.jar" -jar "$JAR" --spring.profiles.active=generate --spring.main.web-application-type=none \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DB" --spring.datasource.username="$PGUSER" \
    --relation.generate.companies="$COMPANIES" --relation.generate.contacts="$CONTACTS" \
    --relation.generate.interactions="$INTERACTIONS" --relation.generate.seed=42 --logging.level.root=WARN \
    | tee "$BENCH_WORK/generate.log" | grep -E '^(table|company|contact|interaction|indexes|analyze|total)'
fi
# What the load reads is in memory before it starts, as on a server that has been up a while: the writes of the
# generator are flushed (checkpoint) and, where the extension pg_prewarm exists, the tables and indexes are read
# into shared_buffers (the report gives its size: a page cache the machine reclaims would otherwise put the disk
# in the figures).
psql -qAt -d "$DB" -c "checkpoint" >/dev/null
PREWARMED=no
if psql -qAt -d "$DB" -c "create extension if not exists pg_prewarm" >/dev/null 2>&1; then
  psql -qAt -d "$DB" -c "select sum(pg_prewarm(c.oid)) from pg_class c where c.relnamespace = 'public'::regnamespace
                         and c.relkind in ('r', 'i', 'm')" >/dev/null && PREWARMED=yes
fi
export BENCH_PREWARMED=$PREWARMED

echo "== 3. inputs: clients (typical and the largest), timeline cursors, search terms"
psql -qAt -d "$DB" > "$BENCH_WORK/record_ids.txt" <<'SQL'
-- 95 % random clients, 5 % the five largest (by interactions)
(select id from company order by random() limit 950)
union all
(select company_id from (select company_id from interaction group by company_id order by count(*) desc limit 5) big,
        generate_series(1, 10))
SQL
psql -qAt -d "$DB" -c "select string_agg(company_id::text, ' ') from (select company_id from interaction group by company_id order by count(*) desc limit 5) b" > "$BENCH_WORK/largest.txt"
psql -qAt -F ' ' -d "$DB" -v ids="$(sort -u "$BENCH_WORK/record_ids.txt" | tr '\n' ' ')" \
  > "$BENCH_WORK/timeline_cursors.txt" <<'SQL'
-- the cursor a "show more" click sends: after the 25th newest entry (seconds.nanos.id, as TimelineCursor encodes it)
select c.id, floor(extract(epoch from i.occurred_at))::bigint || '.'
             || ((extract(microseconds from i.occurred_at)::bigint % 1000000) * 1000) || '.' || i.id
from (select distinct id from company
      where id in (select unnest(string_to_array(trim(:'ids'), ' '))::bigint)) c
cross join lateral (select occurred_at, id from interaction where company_id = c.id
                    order by occurred_at desc, id desc offset 24 limit 1) i
SQL
psql -qAt -d "$DB" -c "select t from (select distinct substr(relation_fold(name), 1, 5) t from company) p order by random() limit 200" \
  | python3 -c "import sys,urllib.parse; [print(urllib.parse.quote(l.strip())) for l in sys.stdin if l.strip()]" \
  > "$BENCH_WORK/name_terms.txt"
psql -qAt -d "$DB" -c "select email from contact where email is not null order by random() limit 200" \
  | python3 -c "import sys,urllib.parse; [print(urllib.parse.quote(l.strip())) for l in sys.stdin if l.strip()]" \
  > "$BENCH_WORK/email_terms.txt"

echo "== 4. the exact SQL of a 360° page and of a search, captured from the app's JDBC log"
start_app "$BENCH_WORK/capture.log" --logging.level.org.springframework.jdbc.core.JdbcTemplate=DEBUG \
  --logging.level.org.springframework.jdbc.core.StatementCreatorUtils=TRACE --logging.level.org.hibernate.SQL=DEBUG
login
BIG=$(cut -d' ' -f1 "$BENCH_WORK/largest.txt")
TERM=$(head -1 "$BENCH_WORK/name_terms.txt")
mark() { wc -l < "$BENCH_WORK/capture.log"; }
m0=$(mark); curl -s -o /dev/null -b "$BENCH_COOKIE" "$URL/clients/$BIG"; m1=$(mark)
curl -s -o /dev/null -b "$BENCH_COOKIE" "$URL/clients?q=$TERM"; m2=$(mark)
stop_app
python3 "$BENCH_DIR/sqlfloor.py" "$BENCH_WORK/capture.log" "$m0" "$m1" "$BIG" > "$BENCH_WORK/floor_record.sql"
python3 "$BENCH_DIR/sqlfloor.py" "$BENCH_WORK/capture.log" "$m1" "$m2" "$TERM" --term > "$BENCH_WORK/floor_search.sql"

echo "== 5. the app, production-like (no SQL logging, 1 GiB heap, $POOL connections), warm-up"
start_app "$BENCH_WORK/app.log"
# The posts run in a session of their own: wrk does not follow their redirects, so each leaves a flash message
# waiting in its session, which the pages read on every request (a browser takes it at once).
login
export BENCH_LOG_COOKIE=$BENCH_COOKIE BENCH_LOG_CSRF=$BENCH_CSRF
login
export BENCH_OCCURRED_AT=$(date +%Y-%m-%dT%H:%M -d '-1 hour')
# Until the JIT compiler is done: each round runs every scenario briefly, and the warm-up ends when C2 used under
# 0.5 s of CPU in a round (it needs 1-2 minutes of load; measured before that, part of the app's CPU is compiling).
c2_ticks() {
  local sum=0 t
  for t in /proc/$APP_PID/task/*; do
    grep -q "C2 Compiler" "$t/comm" 2>/dev/null && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
  done
  echo $sum
}
warm_start=$SECONDS
while :; do
  c2_before=$(c2_ticks)
  for script in record timeline; do wrk -t2 -c8 -d4s -s "$BENCH_DIR/$script.lua" "$URL" > /dev/null; done
  for terms in name_terms email_terms; do
    BENCH_TERMS="$BENCH_WORK/$terms.txt" wrk -t2 -c8 -d2s -s "$BENCH_DIR/search.lua" "$URL" > /dev/null
  done
  wrk -t2 -c8 -d2s -s "$BENCH_DIR/log.lua" "$URL" > /dev/null
  c2_used=$(( ($(c2_ticks) - c2_before) * 100 / $(getconf CLK_TCK) ))
  echo "   warm-up round: C2 compiler used ${c2_used}0 ms"
  WARMUP_QUIET=$([ "$c2_used" -lt 50 ] && echo yes || echo no)
  if [ "$WARMUP_QUIET" = yes ] || [ $((SECONDS - warm_start)) -ge "$WARMUP_MAX" ]; then break; fi
done
WARMUP_SECONDS=$((SECONDS - warm_start))
# Cut by BENCH_WARMUP_MAX while C2 was still compiling, the load measures an app not yet warm, and a larger code base
# (more to compile) is understated more: the report says so.
[ "$WARMUP_QUIET" = yes ] || echo "   warm-up cut at ${WARMUP_MAX} s: the JIT compiler was still busy (raise BENCH_WARMUP_MAX)"

echo "== 6. load: each scenario at 1, 8 and 32 connections for $DURATION"
: > "$BENCH_WORK/results.txt"
HZ=$(getconf CLK_TCK)
cpu_ticks() { # CPU time used so far by the app and by all PostgreSQL processes (when the server is local), in ticks
  local app pg=0 t
  app=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
  for p in $PG_PIDS; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0); pg=$((pg + t))
  done
  echo "$app $pg"
}
# the processes of the database server the app uses (its postmaster and its children), when it runs here
PG_PIDS=""
PG_DATA=$(psql -qAt -d "$DB" -c "show data_directory" 2>/dev/null || true)
if [ -r "$PG_DATA/postmaster.pid" ]; then
  PG_MAIN=$(head -1 "$PG_DATA/postmaster.pid")
  PG_PIDS="$PG_MAIN $(pgrep -P "$PG_MAIN" | tr '\n' ' ')"
fi
run() { # scenario script terms connections [query suffix]
  local threads=$(( $4 < 2 ? 1 : 2 )) before after
  echo "-- $1 c=$4" | tee -a "$BENCH_WORK/results.txt"
  sleep 3  # the requests still queued from the previous scenario finish first (after "anywhere": ~1 s of SQL)
  before=$(cpu_ticks)
  BENCH_TERMS="${3:-}" BENCH_QUERY_SUFFIX="${5:-}" wrk -t"$threads" -c"$4" -d"$DURATION" --latency \
    -s "$BENCH_DIR/$2.lua" "$URL" | tee -a "$BENCH_WORK/results.txt" | grep -E "Requests/sec|99%|Non-2xx|Socket errors" || true
  after=$(cpu_ticks)
  echo "cpu $before $after $HZ" >> "$BENCH_WORK/results.txt"
}
for c in 1 8 32; do
  run record record "" $c
  run timeline timeline "" $c
  run search_name search "$BENCH_WORK/name_terms.txt" $c
  run search_email search "$BENCH_WORK/email_terms.txt" $c
  run search_anywhere search "$BENCH_WORK/name_terms.txt" $c "&match=ANYWHERE"
  run log log "" $c
done
RSS_KB=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
stop_app

echo "== 7. the SQL floor: the same statements straight to PostgreSQL, 1 connection"
psql -qAt -d "$DB" -c "create table if not exists bench_input (n int, id bigint, term text)" -c "truncate bench_input"
python3 - "$BENCH_WORK" <<'PY' | psql -q -d "$DB"
import sys, urllib.parse
work = sys.argv[1]
ids = [l.strip() for l in open(work + "/record_ids.txt") if l.strip()]
terms = [urllib.parse.unquote(l.strip()) for l in open(work + "/name_terms.txt") if l.strip()]
print("copy bench_input (n, id, term) from stdin;")
for i in range(max(len(ids), len(terms))):
    idv = ids[i] if i < len(ids) else "\\N"
    t = terms[i].replace("\\", "\\\\") if i < len(terms) else "\\N"
    print(f"{i + 1}\t{idv}\t{t}")
print("\\.")
PY
NIDS=$(grep -c . "$BENCH_WORK/record_ids.txt"); NTERMS=$(grep -c . "$BENCH_WORK/name_terms.txt")
pgbench -n -M prepared -c1 -T20 -D nids="$NIDS" -f "$BENCH_WORK/floor_record.sql" "$DB" > "$BENCH_WORK/floor_record.txt" 2>&1
pgbench -n -M prepared -c1 -T20 -D nterms="$NTERMS" -f "$BENCH_WORK/floor_search.sql" "$DB" > "$BENCH_WORK/floor_search.txt" 2>&1
psql -qAt -d "$DB" -c "drop table bench_input"

echo "== 8. report"
BENCH_POOL_USED=$POOL BENCH_WARMUP_SECONDS=$WARMUP_SECONDS BENCH_WARMUP_QUIET=$WARMUP_QUIET python3 "$BENCH_DIR/report.py" "$BENCH_WORK" "$RSS_KB" "$SCALE" "$COMPANIES" "$CONTACTS" "$INTERACTIONS" > "$BENCH_WORK/report.md"
# The report replaces its own part of docs/benchmarks.md (between the two markers); the sections other measurements
# wrote below it (imports, KPIs, segments, data quality, comparisons) stay. BENCH_REPORT names another file.
python3 - "$BENCH_WORK/report.md" "${BENCH_REPORT:-docs/benchmarks.md}" <<'PY'
import os, sys
report, target = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
start, end = "<!-- bench/run.sh: start -->", "<!-- bench/run.sh: end -->"
old = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
head, tail = (old.split(start)[0], old.split(end, 1)[1]) if start in old and end in old else ("", "")
open(target, "w", encoding="utf-8").write(head + start + "\n" + report + end + tail)
PY
cat "$BENCH_WORK/report.md"
