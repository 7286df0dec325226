#!/usr/bin/env bash
# Throughput of the practice site's hot paths (tenant resolution, cached settings, Razor rendering)
# measured with wrk against a Release build with the demo practice, on loopback.
# Usage: bench/http/run.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${1:-15}"
CONNECTIONS="${2:-32}"
PORT=5090
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

DATA="$(mktemp -d)"
dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo >/dev/null
# Started from the project folder, as ./run.sh does: that is where appsettings.Demo.json (which turns
# the demo practice on) is read from.
(cd src/Portal.Web && ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$DATA" Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
  Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done
# Measure the practice, not its 404 page.
curl -fs -o /dev/null -H "Host: demo.localhost:$PORT" "http://127.0.0.1:$PORT/account/signin" \
  || { echo "the demo practice does not answer; see $DATA/app.log" >&2; cat "$DATA/app.log" >&2; exit 1; }

run() {
  local name="$1" host="$2" path="$3"
  # warm-up, then the measured run
  wrk -t2 -c"$CONNECTIONS" -d3s -H "Host: $host" "http://127.0.0.1:$PORT$path" >/dev/null
  local out; out="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -H "Host: $host" "http://127.0.0.1:$PORT$path")"
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$name answered errors: $(grep Non-2xx <<<"$out")" >&2
    exit 1
  fi
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  printf '| %-34s | %10s | %8s | %8s |\n' "$name" "$rps" "$p50" "$p99"
}

echo "wrk, 2 threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per endpoint, $(nproc) cores"
echo "| endpoint                           |  req/s     | p50      | p99      |"
echo "|------------------------------------|------------|----------|----------|"
run "GET /health/live (platform)"         "localhost:$PORT"      /health/live
run "GET / practice home (by host)"       "demo.localhost:$PORT" /
run "GET /t/demo/ practice home (prefix)" "localhost:$PORT"      /t/demo/
run "GET /branding.css (practice)"        "demo.localhost:$PORT" /branding.css
run "GET /account/signin (practice)"      "demo.localhost:$PORT" /account/signin
echo "peak working set of the portal: $(awk '/VmHWM/ {print $2/1024 " MB"}' /proc/$APP/status)"
