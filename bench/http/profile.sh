#!/usr/bin/env bash
# Where a signed-in request goes: for each signed-in page, the SQL commands and DbContexts one request
# costs (EF Core's own logging of one request) and the median time of 20
# sequential requests. Deterministic counts, so it is meaningful on a busy machine too; the
# throughput figures come from bench/http/run.sh.
# Usage: bench/http/profile.sh            (SQLite, the demo practice; PROFILE_SQL=1 also prints each command)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=5091
PASSWORD="Portal-Demo-2026!"
HOST="demo.localhost:$PORT"
BASE="http://127.0.0.1:$PORT"

DATA="$(mktemp -d)"
dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo >/dev/null
# One request at a time, so the log lines after a request's start are that request's.
# (env, because a shell variable's name cannot hold the dots of a logging category)
(cd src/Portal.Web && exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$DATA" Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
  Logging__Console__FormatterName=json \
  Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information \
  Logging__LogLevel__Microsoft.EntityFrameworkCore.Infrastructure=Debug \
  dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do curl -fs "$BASE/health/ready" >/dev/null && break; kill -0 $APP 2>/dev/null || { cat "$DATA/app.log" >&2; exit 1; }; sleep 0.5; done
curl -fs -o /dev/null "$BASE/health/ready" || { echo "the portal did not become ready; see $DATA/app.log" >&2; exit 1; }

. bench/http/sign-in.sh

profile() { # name jar path
  local name="$1" jar="$2" path="$3" status
  for _ in 1 2 3; do curl -fs -o /dev/null -b "$jar" -H "Host: $HOST" "$BASE$path"; done
  status="$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" -H "Host: $HOST" "$BASE$path")"
  [[ $status == 200 ]] || { echo "$name ($path) answered $status" >&2; exit 1; }
  local before; before="$(wc -l <"$DATA/app.log")"
  curl -fs -o /dev/null -b "$jar" -H "Host: $HOST" "$BASE$path"
  sleep 0.3 # the console logger writes asynchronously
  local lines; lines="$(tail -n +"$((before + 1))" "$DATA/app.log")"
  local commands contexts
  commands="$(grep -c '"EventId":20101' <<<"$lines" || true)"
  contexts="$(grep -c '"EventId":10403' <<<"$lines" || true)"
  local times=()
  for _ in $(seq 1 20); do times+=("$(curl -fs -o /dev/null -w '%{time_total}' -b "$jar" -H "Host: $HOST" "$BASE$path")"); done
  local median; median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')"
  printf '| %-32s | %8s | %10s | %9s ms |\n' "$name" "$commands" "$contexts" "$median"
  if [[ -n ${PROFILE_SQL:-} ]]; then
    grep '"EventId":20101' <<<"$lines" | sed 's/.*"commandText":"\([^"]*\)".*/    \1/' | cut -c1-220 >&2 || true
  fi
}

CLIENT="$DATA/client.jar"; STAFF="$DATA/staff.jar"
sign_in "$CLIENT" owner@demo.example
sign_in "$STAFF" admin@demo.example
CLIENT_DOCS="$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$CLIENT" -H "Host: $HOST" "$BASE/documents" | sed "s#^http://[^/]*##")"
STAFF_DOCS_CLIENT="$(curl -fs -b "$STAFF" -H "Host: $HOST" "$BASE/admin/documents" | grep -o '/admin/documents/clients/[0-9a-f-]*' | head -1)"

echo "one request each after 3 warm-ups; SQL commands and DbContexts counted from EF Core's log; median of 20 sequential requests"
echo "| page                             | SQL cmds | DbContexts | median       |"
echo "|----------------------------------|----------|------------|--------------|"
profile "client home"                "$CLIENT" /
profile "client documents"           "$CLIENT" "${CLIENT_DOCS:-/documents}"
profile "staff dashboard"            "$STAFF"  /admin
profile "staff documents (list)"     "$STAFF"  /admin/documents
profile "staff documents (a client)" "$STAFF"  "$STAFF_DOCS_CLIENT"
