#!/usr/bin/env bash
# Where a fresh demo start goes: starts the Release build as ./run.sh does (environment Demo, from
# src/Portal.Web), each time with an empty data folder, and reports the wall time from launching the
# process to /health/ready answering 200 and to the demo practice's home and sign-in pages answering
# 200, the CPU time the process used by then, and the stage times the portal logs at Debug
# (PortalInitializer, TenantSetupService, RecipeExecutor). Prints one column per run and the median.
# Usage: bench/startup/run.sh [runs=5]
# PORTAL_BENCH_APP=/path/to/Portal.Web.dll measures another build (e.g. a copy of an older one) instead
# of building src/Portal.Web; it still runs from src/Portal.Web, where appsettings.Demo.json is.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-5}"
PORT="${PORTAL_BENCH_PORT:-5098}"
WORK="$(mktemp -d)"
APP=
cleanup() {
  if [[ -n $APP ]]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

APP_DLL="${PORTAL_BENCH_APP:-bin/Release/net10.0/Portal.Web.dll}"
if [[ -z ${PORTAL_BENCH_APP:-} ]]; then
  # No build servers left behind: they would take CPU from the starts being measured.
  dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo --disable-build-servers >/dev/null
fi
TICKS="$(getconf CLK_TCK)"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
cpu_ms() { awk -v t="$TICKS" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$1/stat"; }
answers() { curl -fs -o /dev/null --max-time 5 -H "Host: $1" "http://127.0.0.1:$PORT$2"; }
wait_for() { # host path pid: polls until 200, fails when the process is gone or after 5 minutes
  local limit=$(( $(now_ms) + 300000 ))
  until answers "$1" "$2"; do
    kill -0 "$3" 2>/dev/null || { echo "the portal exited; its log:" >&2; cat "$WORK/app.log" >&2; exit 1; }
    (( $(now_ms) < limit )) || { echo "no 200 from $1$2 within 5 minutes; the log:" >&2; cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.02
  done
}
# "... {text} {N} ms" from the portal's log, or - when absent.
logged() { grep -oP "$1 \K[0-9]+(?= ms)" "$WORK/app.log" | head -1 || echo -; }

: >"$WORK/results"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/data" && mkdir -p "$WORK/data"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  started="$(now_ms)"
  (cd src/Portal.Web && exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$WORK/data" \
    Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
    Logging__LogLevel__Portal.Core.PortalInitializer=Debug \
    Logging__LogLevel__Portal.Core.Recipes.RecipeExecutor=Debug \
    dotnet "$APP_DLL" --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
  APP=$!
  wait_for "localhost:$PORT" /health/ready "$APP"
  ready=$(( $(now_ms) - started )); ready_cpu="$(cpu_ms "$APP")"
  wait_for "demo.localhost:$PORT" / "$APP"
  home=$(( $(now_ms) - started ))
  wait_for "demo.localhost:$PORT" /account/signin "$APP"
  signin=$(( $(now_ms) - started ))
  {
    echo "load average at launch|$run|$load"
    echo "ready: /health/ready 200 (wall)|$run|$ready"
    echo "ready: CPU time used by then|$run|$ready_cpu"
    echo "demo home page 200 (wall)|$run|$home"
    echo "demo sign-in page 200 (wall)|$run|$signin"
    echo "  process start to host built|$run|$(logged 'the host was built')"
    echo "  host store migrated|$run|$(logged 'host store migrated in')"
    echo "  practices checked|$run|$(logged 'practices checked in')"
    echo "  platform operator (1 password hash)|$run|$(logged 'PlatformOperatorSeeder ran in')"
    echo "  demo practice, whole|$run|$(logged 'DemoPracticeSeeder ran in')"
    echo "    database created|$run|$(logged 'database')"
    echo "    module migrations|$run|$(logged 'migrations')"
    echo "    recipe|$run|$(logged 'ms, recipe')"
    for step in features settings roles users clients portals documents; do
      echo "      step $step|$run|$(logged "\($step\) ran in")"
    done
    echo "  start-up work, whole|$run|$(logged 'Start-up work done in')"
    echo "JIT time by then (all threads)|$run|$(logged 'compiled by the JIT so far, in')"
    echo "JIT-compiled methods by then|$run|$(grep -oP '\K[0-9]+(?= methods compiled by the JIT)' "$WORK/app.log" | head -1 || echo -)"
  } >>"$WORK/results"
  kill "$APP"; wait "$APP" 2>/dev/null || true; APP=
done

echo "Fresh demo start, $RUNS runs, $(nproc) cores; milliseconds (load average: 1-minute, at launch)"
python3 bench/runs-table.py "$WORK/results" "$RUNS" stage
