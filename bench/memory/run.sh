#!/usr/bin/env bash
# The portal's memory next to what the same runtime needs for less: RSS (VmRSS of /proc/PID/status) of
#   - the portal, Release build started as ./run.sh does (environment Demo, SQLite, from src/Portal.Web):
#     its first start (which sets up the demo practice) and a restart on the same data, each at
#     /health/ready, after 5 s idle, after the demo's home page, and after a client and a staff member
#     sign in and open their home and documents pages (and the staff dashboard);
#   - ASP.NET Core's own Razor Pages template with Identity on EF Core SQLite
#     (`dotnet new webapp --auth Individual`, built here, with its defaults: Server GC) after its home
#     page, and after its sign-in page and one sign-in attempt (one query);
#   - the bare Kestrel app of bench/http (what `dotnet new web` gives, Server GC) after one request.
# Each figure but "at ready" is read 5 s after its step, so background compilation and the GC settle; the apps run
# one after another, RUNS times in turn, and the table gives the median. The last column splits the
# portal's RSS into file-backed pages (assemblies, native libraries), shared memory (the JIT's code and
# the runtime's type data, mapped twice for W^X) and anonymous memory (GC heap, malloc).
# Usage: bench/memory/run.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-3}"
PORT=5094
TEMPLATE_PORT=5095
BARE_PORT=5096
PASSWORD="Portal-Demo-2026!"
HOST="demo.localhost:$PORT"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
PID=""
cleanup() {
  if [[ -n $PID ]]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo --disable-build-servers >/dev/null
dotnet build bench/http/bare -c Release -v quiet -nologo --disable-build-servers >/dev/null
dotnet new webapp --auth Individual -n MemoryTemplate -o "$WORK/template" >/dev/null
dotnet build "$WORK/template" -c Release -v quiet -nologo --disable-build-servers >/dev/null

. bench/http/sign-in.sh
rss() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
split() { awk '/^Rss(File|Shmem|Anon)/ {printf "%s%s %.0f", (n++ ? ", " : ""), substr($1, 4, length($1) - 4), $2 / 1024}' "/proc/$PID/status"; }
settle() { sleep 5; }
note() { echo "$1|$run|$2" >>"$WORK/results"; }
wait_for() { # url [host]: 200 within 5 minutes, or the log
  for _ in $(seq 1 3000); do
    curl -fs -o /dev/null -H "Host: ${2:-127.0.0.1}" "$1" && return 0
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "no answer from $1; the log:" >&2; cat "$WORK/app.log" >&2; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }

portal() { # label data-folder
  local label="$1" data="$2" client="$WORK/client.jar" staff="$WORK/staff.jar" docs
  (cd src/Portal.Web && exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$data" \
    Portal__Tenancy__PublicUrl="http://localhost:$PORT" Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT") >"$WORK/app.log" 2>&1 &
  PID=$!
  wait_for "$BASE/health/ready" "localhost:$PORT"
  note "portal, $label: at ready" "$(rss)"
  settle; note "portal, $label: 5 s later, idle" "$(rss)"
  curl -fs -o /dev/null -H "Host: $HOST" "$BASE/"
  settle; note "portal, $label: after the demo's home page" "$(rss)"
  rm -f "$client" "$staff"
  sign_in "$client" owner@demo.example
  docs="$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$client" -H "Host: $HOST" "$BASE/documents" | sed "s#^http://[^/]*##")"
  curl -fs -o /dev/null -b "$client" -H "Host: $HOST" "$BASE${docs:-/documents}"
  sign_in "$staff" admin@demo.example
  curl -fs -o /dev/null -b "$staff" -H "Host: $HOST" "$BASE/admin"
  curl -fs -o /dev/null -b "$staff" -H "Host: $HOST" "$BASE/admin/documents"
  settle; note "portal, $label: after signed-in pages" "$(rss)"
  note "portal, $label: after signed-in pages (anon, file, shmem)" "$(split)"
  stop
}

template() {
  local jar="$WORK/template.jar" token
  (cd "$WORK/template" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/MemoryTemplate.dll --urls "http://127.0.0.1:$TEMPLATE_PORT") >"$WORK/app.log" 2>&1 &
  PID=$!
  wait_for "http://127.0.0.1:$TEMPLATE_PORT/"
  settle; note "Razor Pages + Identity + EF Core SQLite template: after its home page" "$(rss)"
  rm -f "$jar"
  token="$(curl -fs -c "$jar" "http://127.0.0.1:$TEMPLATE_PORT/Identity/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)"
  curl -fs -o /dev/null -b "$jar" --data-urlencode "Input.Email=nobody@example.com" --data-urlencode "Input.Password=Not-the-password-1" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$TEMPLATE_PORT/Identity/Account/Login"
  settle; note "Razor Pages + Identity + EF Core SQLite template: after a sign-in attempt" "$(rss)"
  note "template: after a sign-in attempt (anon, file, shmem)" "$(split)"
  stop
}

bare() {
  (cd bench/http/bare && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet bin/Release/net10.0/Bench.Bare.dll --urls "http://127.0.0.1:$BARE_PORT") >"$WORK/app.log" 2>&1 &
  PID=$!
  wait_for "http://127.0.0.1:$BARE_PORT/"
  settle; note "bare Kestrel hello: after one request" "$(rss)"
  stop
}

: >"$WORK/results"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/data" && mkdir -p "$WORK/data"
  portal "first start" "$WORK/data"
  template
  portal "restart" "$WORK/data"
  bare
done

echo "RSS in MiB, $RUNS runs, $(nproc) cores, $(dotnet --version) SDK; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/runs-table.py "$WORK/results" "$RUNS"
