#!/usr/bin/env python3
"""Writes docs/benchmarks.md from bench/run.sh's raw results (wrk and pgbench outputs)."""
import datetime
import os
import platform
import re
import subprocess
import sys

work, rss_kb, scale, companies, contacts, interactions = sys.argv[1:7]


def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


runs = {}
scenario = None
for line in open(os.path.join(work, "results.txt"), encoding="utf-8"):
    head = re.match(r"-- (\S+) c=(\d+)", line)
    if head:
        scenario = (head.group(1), int(head.group(2)))
        runs[scenario] = {"errors": 0}
        continue
    if scenario is None:
        continue
    r = runs[scenario]
    if m := re.match(r"\s+(50|99)%\s+(\S+)", line):
        r["p" + m.group(1)] = ms(m.group(2))
    elif m := re.match(r"\s+Latency\s+([\d.]+\w+)", line):
        r["avg"] = ms(m.group(1))
    elif m := re.match(r"Requests/sec:\s+([\d.]+)", line):
        r["rps"] = float(m.group(1))
    elif m := re.match(r"\s+(\d+) requests in", line):
        r["n"] = int(m.group(1))
    elif m := re.match(r"cpu (\d+) (\d+) (\d+) (\d+) (\d+)", line):
        app0, pg0, app1, pg1, hz = (int(x) for x in m.groups())
        r["app_cpu"], r["pg_cpu"] = (app1 - app0) / hz, (pg1 - pg0) / hz
    elif m := re.match(r"\s+Non-2xx or 3xx responses:\s+(\d+)", line):
        r["errors"] += int(m.group(1))
    elif m := re.match(r"\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", line):
        r["errors"] += sum(int(x) for x in m.groups())


def floor(name):
    text = open(os.path.join(work, f"floor_{name}.txt"), encoding="utf-8").read()
    m = re.search(r"latency average = ([\d.]+) ms", text)
    return float(m.group(1)) if m else None


def generation_seconds():
    log = os.path.join(work, "generate.log")
    if not os.path.exists(log):  # a reused database filled elsewhere (BENCH_REUSE_DB=1 on another checkout)
        return None
    for line in open(log, encoding="utf-8"):
        if line.startswith("total"):
            return float(line.split()[2])
    return None


def statements(name):
    return sum(1 for l in open(os.path.join(work, f"floor_{name}.sql"), encoding="utf-8")
               if l.strip().endswith(";") and "bench_input" not in l)


targets = {
    ("record", 32): "p99 < 50 ms, ≥ 400 req/s",
    ("timeline", 32): "p99 < 30 ms",
    ("search_name", 32): "p99 < 100 ms",
    ("search_email", 32): "p99 < 100 ms",
    ("log", 32): "≥ 200 req/s, p99 < 100 ms, 0 errors",
}
labels = {
    "record": "360° page of a random client (5 % the largest)",
    "timeline": "timeline next page (keyset, htmx)",
    "search_name": "search by name prefix (full page)",
    "search_email": "search by email (full page)",
    "search_anywhere": "search anywhere, same name fragments (no target; on request)",
    "log": "log an interaction (POST + redirect)",
}


def met(key, r):
    name, c = key
    if c != 32:
        return ""
    ok = {
        "record": r.get("p99", 1e9) < 50 and r.get("rps", 0) >= 400,
        "timeline": r.get("p99", 1e9) < 30,
        "search_name": r.get("p99", 1e9) < 100,
        "search_email": r.get("p99", 1e9) < 100,
        "search_anywhere": None,
        "log": r.get("rps", 0) >= 200 and r.get("p99", 1e9) < 100 and r["errors"] == 0,
    }[name]
    return "" if ok is None else "met" if ok else "**missed**"


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
mem = sh("free -g | awk '/Mem:/ {print $2}'")
pg = sh("psql -qAt -c 'show server_version' postgres")
shared_buffers = sh("psql -qAt -c 'show shared_buffers' postgres")
prewarmed = os.environ.get("BENCH_PREWARMED", "no") == "yes"
java = sh("java -version 2>&1 | head -1")
record_floor, search_floor = floor("record"), floor("search")
gen = generation_seconds()
rec1 = runs.get(("record", 1), {})
srch1 = runs.get(("search_name", 1), {})

print("# Benchmarks")
print()
print("Made by `bench/run.sh` (one command; see its header). Each run replaces this part of the file, up to the sections written by other measurements below it.")
print()
print(f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
print(f"- Machine: {os.cpu_count()} cores ({cpu}), {mem} GiB RAM, {platform.system()} {platform.release()}; "
      f"PostgreSQL {pg} on the same machine (shared_buffers {shared_buffers}"
      f"{', tables and indexes read into it before the load (pg_prewarm)' if prewarmed else ''}); {java}; app heap 1 GiB, "
      f"{os.environ.get('BENCH_POOL_USED', '6')} database connections and as many requests admitted at once")
scale_note = "" if float(scale) == 1 else f" (**rehearsal at scale {scale}, not the target data set**)"
def n(x):
    return f"{int(x):,}".replace(",", " ")


print(f"- Data: {n(companies)} companies, {n(contacts)} people, {n(interactions)} interactions over "
      f"3 years, skewed (five clients hold tens of thousands of interactions){scale_note}")
print(f"- Generating the data set: {gen:.0f} s (target < 180 s)" if gen else "- Generating the data set: ?")
warm_end = ("until the JIT compiler is quiet" if os.environ.get("BENCH_WARMUP_QUIET", "yes") == "yes"
            else "**cut by BENCH_WARMUP_MAX while the JIT compiler was still compiling: the figures understate a warm app**")
print(f"- Load: wrk, {os.environ.get('BENCH_DURATION', '20s').rstrip('s')} s per scenario after {os.environ.get('BENCH_WARMUP_SECONDS', '?')} s of warm-up (every "
      f"scenario, {warm_end}), the sales rep's session cookie, random inputs; wrk and the app share the 2 cores")
print()
print("CPU per request is the CPU time the app (JVM) and PostgreSQL used during the run, divided by the requests "
      "served; wrk takes the rest of the 2 cores.")
print()
print("| scenario | connections | requests/s | p50 ms | p99 ms | errors | app CPU ms/req | PostgreSQL CPU ms/req "
      "| target (32 connections) | |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
for name in labels:
    for c in (1, 8, 32):
        r = runs.get((name, c))
        if not r:
            continue
        per = lambda key: f"{1000 * r[key] / r['n']:.2f}" if r.get(key) is not None and r.get("n") else "?"
        print(f"| {labels[name]} | {c} | {r.get('rps', 0):.0f} | {r.get('p50', 0):.1f} | {r.get('p99', 0):.1f} | "
              f"{r['errors']} | {per('app_cpu')} | {per('pg_cpu')} | {targets.get((name, c), '')} | {met((name, c), r)} |")
print()
print("## App latency ÷ SQL floor (1 connection)")
print()
print("The SQL floor replays, with pgbench on one connection, the exact statements the app sent for the page "
      "(captured from its JDBC log by `bench/sqlfloor.py`), over the same inputs, plus one lookup of the input. "
      "Like the app (whose driver switches to server-prepared statements after five uses), pgbench runs them as "
      "prepared statements (`-M prepared`), so the floor holds no planning time the app does not pay either.")
print()
print("| page | SQL statements | SQL floor, mean ms | app, mean ms | ratio | target |")
print("|---|---:|---:|---:|---:|---|")
if record_floor and rec1.get("avg"):
    ratio = rec1["avg"] / record_floor
    print(f"| 360° page | {statements('record')} | {record_floor:.2f} | {rec1['avg']:.2f} | {ratio:.1f} | ≤ 3 "
          f"{'met' if ratio <= 3 else '**missed**'} |")
if search_floor and srch1.get("avg"):
    print(f"| search by name prefix | {statements('search')} | {search_floor:.2f} | {srch1['avg']:.2f} | "
          f"{srch1['avg'] / search_floor:.1f} | |")
print()
print(f"Resident memory of the app after the run: {int(rss_kb) / 1024:.0f} MiB.")
