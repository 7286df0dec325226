#!/usr/bin/env bash
# A thousand practices on one node: sets up practices through the portal's own create-practices command
# (TenantSetupService, as the host admin's form does), then restarts the Release build (environment
# Demo, from src/Portal.Web, as ./run.sh does) and measures:
#   - time from launch to /health/ready, with the demo practice + 1 practice and with the demo + COUNT,
#     alternating the two data folders (3 starts each, medians);
#   - with the job worker off, RSS (full GC each time) after start-up, just after touching TOUCH
#     practices once (home page, anonymous) and once they are idle again (IDLE_WAIT s): the idle cost
#     of a practice is (idle - after start-up) / TOUCH;
#   - a cold practice's first page (home page of COLD practices never touched since the start):
#     median and worst, and the same page once warm;
#   - with the job worker on (as deployed), RSS every 5 s for STEADY s: min / median / max and peak.
# Usage: bench/practices/run.sh [--postgres] [count=1000] [touch=200] [cold=50]
# SQLite by default; --postgres (or PORTAL_BENCH_POSTGRES=1) uses the test services' PostgreSQL
# (PORTAL_TEST_POSTGRES, read from /tmp/portal-test/test.env when not set) in a throwaway database.
# PORTAL_BENCH_APP=/path/Portal.Web.dll measures another build, as bench/startup does.
set -euo pipefail
cd "$(dirname "$0")/../.."
POSTGRES="${PORTAL_BENCH_POSTGRES:-0}"
if [[ ${1:-} == --postgres ]]; then POSTGRES=1; shift; fi
COUNT="${1:-1000}"; TOUCH="${2:-200}"; COLD="${3:-50}"
(( TOUCH + COLD <= COUNT )) || { echo "touch + cold must not exceed count" >&2; exit 2; }
PORT="${PORTAL_BENCH_PORT:-5099}"
IDLE_WAIT="${PORTAL_BENCH_IDLE_WAIT:-60}" # seconds; past Portal:Database:IdleConnectionLifetime + IdleConnectionCheck
STEADY="${PORTAL_BENCH_STEADY:-330}" # seconds of RSS sampling with the job worker on
WORK="$(mktemp -d)"
# PORTAL_BENCH_DATA=/folder keeps the SQLite stores there between runs (setting up is then skipped for
# the names that exist); PostgreSQL stores always go with the throwaway database.
DATA="${PORTAL_BENCH_DATA:-$WORK}"
APP=; PGDB=
export PATH="$PATH:$HOME/.dotnet/tools"

psql_admin() { PGPASSWORD="$PGPASS" psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc "$1"; }
cleanup() {
  if [[ -n $APP ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  if [[ -n $PGDB ]]; then psql_admin "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

APP_DLL="${PORTAL_BENCH_APP:-bin/Release/net10.0/Portal.Web.dll}"
if [[ -z ${PORTAL_BENCH_APP:-} ]]; then
  dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo --disable-build-servers >/dev/null
fi
command -v dotnet-gcdump >/dev/null || dotnet tool install -g dotnet-gcdump >/dev/null

# Two stores: "small" (demo + 1 practice) and "large" (demo + COUNT practices).
declare -A ENVS
if (( POSTGRES )); then
  if [[ -z ${PORTAL_TEST_POSTGRES:-} && -f /tmp/portal-test/test.env ]]; then set -a; . /tmp/portal-test/test.env; set +a; fi
  : "${PORTAL_TEST_POSTGRES:?set PORTAL_TEST_POSTGRES (a PostgreSQL connection string)}"
  field() { grep -oiP "(^|;)\s*$1=\K[^;]*" <<<"$PORTAL_TEST_POSTGRES" | head -1; }
  PGHOST="$(field Host)"; PGPORT="$(field Port)"; PGPORT="${PGPORT:-5432}"; PGUSER="$(field Username)"; PGPASS="$(field Password)"
  PGDB="portal_bench_$$"
  psql_admin "CREATE DATABASE $PGDB"
  base="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASS;Database=$PGDB"
  ENVS[small]="Portal__Database__Provider=Postgres Portal__Database__ConnectionString=$base Portal__Database__HostSchema=small_host Portal__Database__TenantSchemaPrefix=small_"
  ENVS[large]="Portal__Database__Provider=Postgres Portal__Database__ConnectionString=$base Portal__Database__HostSchema=large_host Portal__Database__TenantSchemaPrefix=large_"
  PROVIDER="PostgreSQL $(psql_admin 'SHOW server_version')"
else
  ENVS[small]=""; ENVS[large]=""
  PROVIDER="SQLite"
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
portal() { # store command...: runs the Release build with that store's data and settings (exec: $! is dotnet)
  local store=$1; shift
  cd src/Portal.Web
  exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$DATA/$store" \
    Portal__Tenancy__PublicUrl="http://localhost:$PORT" Logging__LogLevel__Default=Warning \
    ${ENVS[$store]} dotnet "$APP_DLL" "$@"
}
start() { # store: launches the portal and waits for /health/ready; sets APP and READY_MS
  local started; started="$(now_ms)"
  (portal "$1" --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
  APP=$!
  until curl -fs -o /dev/null --max-time 5 "http://127.0.0.1:$PORT/health/ready"; do
    kill -0 "$APP" 2>/dev/null || { echo "the portal exited; its log:" >&2; cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( $(now_ms) - started ))
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=; }
full_gc() { dotnet-gcdump collect -p "$APP" -o "$WORK/heap.gcdump" >/dev/null 2>&1; rm -f "$WORK/heap.gcdump"; sleep 1; }
page_ms() { # practice: time of its home page, in ms; fails unless 200
  curl -fs -o /dev/null --max-time 30 -w '%{time_total}' -H "Host: $1.localhost:$PORT" "http://127.0.0.1:$PORT/" | awk '{ printf "%.1f", $1 * 1000 }'
}
name() { printf 'bench-%0*d' "$(( ${#COUNT} > 4 ? ${#COUNT} : 4 ))" "$1"; }

echo "Setting up the stores ($PROVIDER)..." >&2
created_at="$(now_ms)"
(portal small create-practices 1 bench) | tail -1 >&2
small_ms=$(( $(now_ms) - created_at ))
created_at="$(now_ms)"
(portal large create-practices "$COUNT" bench) | tail -1 >&2
large_ms=$(( $(now_ms) - created_at ))

# Start-up time: alternate the stores, 3 starts each.
declare -a ready_small ready_large
for round in 1 2 3; do
  for store in small large; do
    start "$store"
    if [[ $store == small ]]; then ready_small+=("$READY_MS"); else ready_large+=("$READY_MS"); fi
    stop
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Memory and cold pages, on the large store, with the job worker off: the per-practice recurring jobs
# open every practice every 5 minutes and would blur what one practice costs (measured next).
load_start="$(cut -d' ' -f1 /proc/loadavg)"
ENVS[large]+=" Portal__Jobs__WorkerEnabled=false"
start large
rss_ready="$(rss_mib "$APP")"
curl -fs -o /dev/null -H "Host: demo.localhost:$PORT" "http://127.0.0.1:$PORT/"
sleep 20
full_gc; rss_before="$(rss_mib "$APP")"
for i in $(seq 1 "$TOUCH"); do page_ms "$(name "$i")" >/dev/null; done
full_gc; rss_touched="$(rss_mib "$APP")"
sleep "$IDLE_WAIT" # past Portal:Database:IdleConnectionLifetime + IdleConnectionCheck
full_gc; rss_idle="$(rss_mib "$APP")"
: >"$WORK/cold"
for i in $(seq $(( TOUCH + 1 )) $(( TOUCH + COLD ))); do page_ms "$(name "$i")" >>"$WORK/cold"; echo >>"$WORK/cold"; done
: >"$WORK/warm"
for i in $(seq $(( TOUCH + 1 )) $(( TOUCH + COLD ))); do page_ms "$(name "$i")" >>"$WORK/warm"; echo >>"$WORK/warm"; done
stop

# As deployed (job worker on): RSS every 5 s over STEADY seconds, which include the first
# recurring-job check (it reads every practice's time zone) and a 5-minute sweep of every practice.
ENVS[large]="${ENVS[large]% Portal__Jobs__WorkerEnabled=false}"
start large
: >"$WORK/steady"
for _ in $(seq 1 $(( STEADY / 5 ))); do sleep 5; rss_mib "$APP" >>"$WORK/steady"; echo >>"$WORK/steady"; done
rss_peak="$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$APP/status")"
load_end="$(cut -d' ' -f1 /proc/loadavg)"
stop

stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "median %.1f ms, worst %.1f ms", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[NR] }'; }
touched_kib=$(( (rss_touched - rss_before) * 1024 / TOUCH ))
idle_kib=$(( (rss_idle - rss_before) * 1024 / TOUCH ))
cat <<REPORT
$COUNT practices, $PROVIDER, $(nproc) cores, $(date -u +%Y-%m-%d); load average $load_start at the memory run's start, $load_end at its end
| measure | value |
|---|---|
| setting up: demo + 1 practice / demo + $COUNT practices | $(( small_ms / 1000 )) s / $(( large_ms / 1000 )) s (whole commands, process start included) |
| start to /health/ready, demo + 1 practice (3 starts) | median $(median "${ready_small[@]}") ms (${ready_small[*]}) |
| start to /health/ready, demo + $COUNT practices (3 starts) | median $(median "${ready_large[@]}") ms (${ready_large[*]}) |
| RSS at ready, $COUNT practices (job worker off) | $rss_ready MiB |
| RSS after start-up (20 s, full GC) | $rss_before MiB |
| RSS just after touching $TOUCH practices (full GC) | $rss_touched MiB ($touched_kib KiB per practice) |
| RSS once they are idle again ($IDLE_WAIT s, full GC) | $rss_idle MiB |
| idle practice cost ((idle - after start-up) / $TOUCH) | $idle_kib KiB |
| cold practice's first page ($COLD untouched practices) | $(stats "$WORK/cold") |
| the same pages once warm | $(stats "$WORK/warm") |
| job worker on: RSS every 5 s over $STEADY s (min / median / max) | $(sort -n "$WORK/steady" | awk '{ v[NR] = $1 } END { printf "%d / %d / %d MiB", v[1], v[int((NR + 1) / 2)], v[NR] }') |
| job worker on: peak RSS | $rss_peak MiB |
REPORT
