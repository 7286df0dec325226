#!/usr/bin/env bash
# Desktop sync at a practice's scale: portal-sync makes a sample data file (contacts with portal users,
# invoices, payments, projects, documents of --document-kb each), logs in to the demo practice (the
# administrator's approval is posted with curl, as their browser would), and runs three times: the full
# sync into a practice that holds none of it, a re-sync with no change, and one after 1% of the rows and
# files changed (bench/sync/change.py). Reports each run's wall time, the portal's peak RSS during it
# and what moved, and writes the table to bench/results/.
# Usage: bench/sync/run.sh [sqlite|postgres] [contacts=10000] [documents=1000] [document-kb=100]
#   postgres uses PORTAL_BENCH_POSTGRES, else the test services' PORTAL_TEST_POSTGRES
#   (scripts/test-services.sh start; /tmp/portal-test/test.env), in a database made for the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PROVIDER="${1:-sqlite}"
CONTACTS="${2:-10000}"
DOCUMENTS="${3:-1000}"
DOCUMENT_KB="${4:-100}"
PORT=5094
PASSWORD="Portal-Demo-2026!"
HOST="demo.localhost:$PORT"
BASE="http://127.0.0.1:$PORT"
PRACTICE="http://$HOST/"

T="$(mktemp -d)"
APP="" PGDB="" SAMPLER="" LOGIN=""
cleanup() {
  local status=$?
  set +e
  [[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null
  [[ -n $LOGIN ]] && kill "$LOGIN" 2>/dev/null
  if [[ -n $APP ]]; then kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; fi
  [[ -n $PGDB ]] && psql -q -d postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1
  if [[ $status -ne 0 ]]; then
    for log in "$T/app.log" "$T/login.log" "$T"/run-*.log; do
      [[ -s $log ]] && { echo "--- tail of $(basename "$log")" >&2; tail -n 30 "$log" >&2; }
    done
  fi
  rm -rf "$T"
  exit "$status"
}
trap cleanup EXIT

DATABASE_SETTINGS=()
case "$PROVIDER" in
  sqlite) ;;
  postgres)
    [[ -z ${PORTAL_BENCH_POSTGRES:-} && -f /tmp/portal-test/test.env ]] && . /tmp/portal-test/test.env
    CONNECTION="${PORTAL_BENCH_POSTGRES:-${PORTAL_TEST_POSTGRES:?set PORTAL_BENCH_POSTGRES or start scripts/test-services.sh}}"
    part() { tr ';' '\n' <<<"$CONNECTION" | sed -n "s/^$1=//Ip" | head -1; }
    export PGHOST="$(part Host)" PGPORT="$(part Port)" PGUSER="$(part Username)" PGPASSWORD="$(part Password)"
    PGDB="portal_bench_$$"
    psql -q -d postgres -c "CREATE DATABASE $PGDB" >/dev/null
    DATABASE_SETTINGS=(Portal__Database__Provider=Postgres "Portal__Database__ConnectionString=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDB")
    ;;
  *) echo "usage: $0 [sqlite|postgres] [contacts] [documents] [document-kb]" >&2; exit 2 ;;
esac

dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo >/dev/null
dotnet build src/Portal.SyncClient/Portal.SyncClient.csproj -c Release -v quiet -nologo >/dev/null
SYNC=(dotnet "$PWD/src/Portal.SyncClient/bin/Release/net10.0/portal-sync.dll")
export PORTAL_SYNC_HOME="$T/profile" NO_COLOR=1 COLUMNS=160

# Started from the project folder, as ./run.sh does (appsettings.Demo.json); the demo practice's own
# half-day schedules do not fire during a run. Rate limits are the defaults a practice has.
(cd src/Portal.Web && exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$T/app" Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
  Logging__LogLevel__Default=Warning "${DATABASE_SETTINGS[@]}" \
  dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT") >"$T/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "$BASE/health/ready" && break; kill -0 $APP 2>/dev/null || exit 1; sleep 0.5; done
curl -fs -o /dev/null "$BASE/health/ready" || { echo "the portal did not become ready" >&2; exit 1; }

echo "== sample data: $CONTACTS contacts, $DOCUMENTS documents of ${DOCUMENT_KB} KB"
"${SYNC[@]}" sample-data "$T/practice.sqlite" --contacts "$CONTACTS" --documents "$DOCUMENTS" --document-kb "$DOCUMENT_KB" \
  --staff admin@demo.example,staff@demo.example --seed 2026 | tail -1
DOCUMENT_MB=$(du -sm "$T/practice documents" | cut -f1)

echo "== login (the administrator approves with the consent page's own form)"
. bench/http/sign-in.sh
sign_in "$T/admin.jar" admin@demo.example
"${SYNC[@]}" login "$PRACTICE" --no-browser >"$T/login.log" 2>&1 &
LOGIN=$!
for _ in $(seq 1 120); do grep -q '/admin/connect/authorize?' "$T/login.log" && break; kill -0 $LOGIN 2>/dev/null || { cat "$T/login.log" >&2; exit 1; }; sleep 0.5; done
AUTHORIZE="$(grep -o 'http://[^ ]*/admin/connect/authorize?[^ ]*' "$T/login.log" | head -1)"
curl -fs -b "$T/admin.jar" -c "$T/admin.jar" -H "Host: $HOST" "$BASE${AUTHORIZE#http://$HOST}" | python3 bench/sync/consent.py >"$T/consent.form"
LOOPBACK="$(curl -fs -o /dev/null -w '%{redirect_url}' -b "$T/admin.jar" -c "$T/admin.jar" -H "Host: $HOST" --data @"$T/consent.form" "$BASE/admin/connect/authorize")"
[[ $LOOPBACK == http://127.0.0.1:*/callback* ]] || { echo "the approval did not send the browser to the program: $LOOPBACK" >&2; exit 1; }
curl -fs -o /dev/null "$LOOPBACK"
wait $LOGIN; LOGIN=""
tail -1 "$T/login.log"

# The portal's resident set, sampled every 100 ms while a run lasts.
sample_rss() { while :; do awk '/^VmRSS/ {print $2}' "/proc/$APP/status"; sleep 0.1; done >"$1"; }
RESULTS=()
run() { # name [portal-sync arguments]
  local name="$1"; shift
  sample_rss "$T/rss-$name" & SAMPLER=$!
  local start end
  start=$(date +%s.%N)
  "${SYNC[@]}" run "$@" >"$T/run-$name.log" 2>&1 || { kill $SAMPLER; SAMPLER=""; echo "the $name run failed" >&2; cat "$T/run-$name.log" >&2; exit 1; }
  end=$(date +%s.%N)
  kill $SAMPLER; wait $SAMPLER 2>/dev/null || true; SAMPLER=""
  local seconds peak moved
  seconds=$(echo "$end - $start" | bc)
  peak=$(( $(sort -n "$T/rss-$name" | tail -1) / 1024 ))
  moved="$(grep -E 'change\(s\) to send|Nothing changed' "$T/run-$name.log" | head -1 | sed 's/ from .*//; s/ in .*//'); $(grep -o 'Uploaded [0-9]* file(s)' "$T/run-$name.log" | head -1)"
  grep -q 'Finished syncing' "$T/run-$name.log" || { echo "the $name run did not finish" >&2; cat "$T/run-$name.log" >&2; exit 1; }
  printf '%-10s %8.1f s   peak RSS %4d MiB   %s\n' "$name" "$seconds" "$peak" "$moved"
  RESULTS+=("| $name | $(printf '%.1f' "$seconds") | $peak | $moved |")
  grep -q 'did not go' "$T/run-$name.log" && { echo "   rows that did not go:"; grep -A12 'External id' "$T/run-$name.log" | head -14 | sed 's/^/   /'; }
  return 0
}

echo "== runs"
run full --data "$T/practice.sqlite" --downloads "$T/downloads"
run no-change
echo "   changed: $(python3 bench/sync/change.py "$T/practice.sqlite")"
run one-percent

MACHINE="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
OUT="bench/results/sync-$STAMP-$PROVIDER.md"
{
  echo "# bench/sync/run.sh $PROVIDER $CONTACTS $DOCUMENTS $DOCUMENT_KB ($STAMP)"
  echo
  echo "$MACHINE; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). $CONTACTS contacts, $CONTACTS invoices, $CONTACTS payments, $((CONTACTS / 2)) projects, $DOCUMENTS documents ($DOCUMENT_MB MB) into the demo practice."
  echo
  echo "| run | seconds | portal peak RSS (MiB) | moved |"
  echo "|---|---:|---:|---|"
  printf '%s\n' "${RESULTS[@]}"
} >"$OUT"
echo "== written to $OUT"
