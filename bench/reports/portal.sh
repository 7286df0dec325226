#!/usr/bin/env bash
# The payment report of N payments (default 100,000) downloaded from the real portal process, in xlsx,
# CSV and JSON one after another, then the same payments as a QuickBooks Desktop IIF import file:
# seconds (curl's time_total), bytes, rows found in the file, and the portal's memory for each (peak
# RSS: VmHWM reset before each download where the kernel allows it, and VmRSS sampled every 100 ms).
# Prints a table and writes it to bench/results/. See bench/README.md.
# Usage: bench/reports/portal.sh [--postgres] [rows=100000]
#   --postgres runs the portal on the test services' PostgreSQL (PORTAL_BENCH_POSTGRES, else
#   PORTAL_TEST_POSTGRES from /tmp/portal-test/test.env) in a database made for the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PROVIDER=sqlite
if [[ ${1:-} == --postgres ]]; then PROVIDER=postgres; shift; fi
ROWS="${1:-100000}"
YEAR=2025 # the seeded payments' year; the demo recipe's own payments are in 2026, so the report holds exactly ROWS
FROM="$YEAR-01-01" TO="$YEAR-12-31"
EMAIL=admin@demo.example # Reports.ExportPayments is the Administrator role's by default
PASSWORD='Portal-Demo-2026!'

for tool in curl python3; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 1; }; done

T="$(mktemp -d)"
APP="" SAMPLER="" PGDB=""
cleanup() {
  local status=$?
  set +e
  [[ -n $SAMPLER ]] && kill "$SAMPLER" 2>/dev/null
  if [[ -n $APP ]]; then kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; fi
  [[ -n $PGDB ]] && psql -q -d postgres -c "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1
  if [[ $status -ne 0 ]]; then
    for log in "$T/build.log" "$T/app.log" "$T/seed.log"; do
      # Lines cut at 400 characters: a failed query's log names every parameter.
      [[ -s $log ]] && { echo "--- tail of $(basename "$log")" >&2; tail -n 30 "$log" | cut -c1-400 >&2; }
    done
  fi
  rm -rf "$T"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DATABASE_SETTINGS=()
if [[ $PROVIDER == postgres ]]; then
  [[ -z ${PORTAL_BENCH_POSTGRES:-} && -f /tmp/portal-test/test.env ]] && . /tmp/portal-test/test.env
  CONNECTION="${PORTAL_BENCH_POSTGRES:-${PORTAL_TEST_POSTGRES:?set PORTAL_BENCH_POSTGRES or start scripts/test-services.sh}}"
  part() { tr ';' '\n' <<<"$CONNECTION" | sed -n "s/^$1=//Ip" | head -1; }
  export PGHOST="$(part Host)" PGPORT="$(part Port)" PGUSER="$(part Username)" PGPASSWORD="$(part Password)"
  PGDB="portal_reports_bench_$$"
  psql -q -d postgres -c "CREATE DATABASE $PGDB" >/dev/null
  DB_CONNECTION="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$PGDB"
  DATABASE_SETTINGS=(Portal__Database__Provider=Postgres "Portal__Database__ConnectionString=$DB_CONNECTION")
  DB_LABEL="PostgreSQL $(psql -Atq -d postgres -c 'SHOW server_version')"
else
  DB_LABEL="SQLite"
fi

echo "building Portal.Web and the seeder (Release)..." >&2
dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo >"$T/build.log" 2>&1
dotnet build bench/reports/seed -c Release -v quiet -nologo >>"$T/build.log" 2>&1

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
status_kib() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$APP/status"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$APP/stat"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }

# The portal as ./run.sh starts it: from src/Portal.Web (so appsettings.Demo.json makes the demo
# practice), its data in the temporary folder.
PORT="$(free_port)"
mkdir -p "$T/portal"
(
  cd src/Portal.Web
  exec env ASPNETCORE_ENVIRONMENT=Demo Portal__AppData__Path="$T/portal" Portal__Tenancy__PublicUrl="http://localhost:$PORT" \
    Logging__LogLevel__Default=Warning "${DATABASE_SETTINGS[@]}" \
    dotnet bin/Release/net10.0/Portal.Web.dll --urls "http://127.0.0.1:$PORT"
) >"$T/app.log" 2>&1 &
APP=$!
BASE="http://127.0.0.1:$PORT"
HOST="demo.localhost:$PORT"
for _ in $(seq 1 240); do
  kill -0 "$APP" 2>/dev/null || { echo "the portal exited during start-up" >&2; exit 1; }
  curl -fs -o /dev/null -H "Host: $HOST" "$BASE/account/signin" && break
  sleep 0.5
done
curl -fs -o /dev/null -H "Host: $HOST" "$BASE/account/signin" || { echo "the demo practice did not answer within 2 minutes" >&2; exit 1; }

READY_KIB="$(status_kib VmRSS)"
JAR="$T/cookies"
. bench/http/sign-in.sh
sign_in "$JAR" "$EMAIL"
get() { curl -fsS -b "$JAR" -c "$JAR" -H "Host: $HOST" "$@"; }
token_of() { sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1; }

# The demo recipe switches on Documents and Billing; Reports is switched on as an administrator
# does it, on the features page (antiforgery token from the page, as a browser posts it).
token="$(get "$BASE/admin/features" | token_of)"
get -o /dev/null --data-urlencode "id=Portal.Reports" --data-urlencode "__RequestVerificationToken=$token" "$BASE/admin/features?handler=Enable"
get -o /dev/null "$BASE/admin/reports/payments" || { echo "the payment report page did not answer 200 after switching Reports on" >&2; exit 1; }

echo "seeding $ROWS payments..." >&2
SEED=(dotnet bench/reports/seed/bin/Release/net10.0/Portal.Bench.Reports.Seed.dll)
if [[ $PROVIDER == postgres ]]; then
  "${SEED[@]}" postgres "$DB_CONNECTION" tenant_demo "$ROWS" "$YEAR" >"$T/seed.log" 2>&1
else
  "${SEED[@]}" sqlite "$T/portal/Sites/demo/portal.db" "$ROWS" "$YEAR" >"$T/seed.log" 2>&1
fi
SEEDED="$(cat "$T/seed.log")"
SEEDED_KIB="$(status_kib VmRSS)"
echo "$SEEDED" >&2

report_url() { echo "$BASE/admin/reports/payments?handler=Download&Input.From=$1&Input.To=$2&Input.Status=all&Input.Format=$3"; }

# Warm-up, untimed: one month of the same payments in each format, so the measured downloads are not
# the first run of that code (JIT, tiered compilation), as in a portal that has been up a while.
for format in xlsx csv json; do get -o /dev/null "$(report_url "$YEAR-01-01" "$YEAR-01-31" "$format")"; done
# Then wait until the runtime's background compilation is done: idle for a second, at most 30 s.
sleep 2
for _ in $(seq 1 30); do
  before="$(cpu_seconds)"; sleep 1
  awk -v a="$before" -v b="$(cpu_seconds)" 'BEGIN {exit !(b - a < 0.05)}' && break
done
IDLE_KIB="$(status_kib VmRSS)"
LIFE_HWM_KIB="$(status_kib VmHWM)"
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"

# Peak memory of one download: VmHWM after resetting it (writing 5 to /proc/PID/clear_refs sets it to
# the current RSS; some kernels refuse), and the largest VmRSS seen every 100 ms while it ran.
begin_measure() {
  if echo 5 2>/dev/null >"/proc/$APP/clear_refs"; then RESET=yes; else RESET=no; fi
  BEFORE_KIB="$(status_kib VmRSS)"
  echo "$BEFORE_KIB" >"$T/rss.max"
  (
    max=0
    while v="$(status_kib VmRSS 2>/dev/null)" && [[ -n $v ]]; do
      if (( v > max )); then max=$v; echo "$max" >"$T/rss.max"; fi
      sleep 0.1
    done
  ) &
  SAMPLER=$!
  CPU0="$(cpu_seconds)"
}
end_measure() {
  kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  HWM_KIB="$(status_kib VmHWM)"
  SAMPLED_KIB="$(cat "$T/rss.max")"
  local now; now="$(status_kib VmRSS)"
  (( now > SAMPLED_KIB )) && SAMPLED_KIB=$now
  CPU="$(awk -v a="$CPU0" -v b="$(cpu_seconds)" 'BEGIN {printf "%.1f", b - a}')"
  (( HWM_KIB > LIFE_HWM_KIB )) && LIFE_HWM_KIB=$HWM_KIB
  return 0
}

TABLE=()
row() { # what seconds first-byte-seconds bytes found
  local hwm="-" peak=$SAMPLED_KIB
  [[ $RESET == yes ]] && { hwm="$(mib "$HWM_KIB")"; (( HWM_KIB > peak )) && peak=$HWM_KIB; }
  TABLE+=("| $1 | $(printf '%.2f' "$2") | $(printf '%.2f' "$3") | $(awk -v b="$4" 'BEGIN {printf "%.1f", b / 1048576}') | $5 | $(mib "$BEFORE_KIB") | $hwm | $(mib "$SAMPLED_KIB") | +$(mib $((peak - BEFORE_KIB))) | $CPU |")
  echo "${TABLE[-1]}" >&2
}

PAID=""
for format in xlsx csv json; do
  echo "downloading the $format report..." >&2
  begin_measure
  read -r code size secs first < <(curl -s -b "$JAR" -H "Host: $HOST" -o "$T/report.$format" -w '%{http_code} %{size_download} %{time_total} %{time_starttransfer}\n' "$(report_url "$FROM" "$TO" "$format")")
  end_measure
  [[ $code == 200 ]] || { echo "$format report: HTTP $code" >&2; exit 1; }
  counted="$(python3 bench/reports/count_rows.py "$format" "$T/report.$format")"
  found="$(sed -n 's/.*rows=\([0-9]*\).*/\1/p' <<<"$counted")"
  totals="$(sed -n 's/.*totals=\([0-9]*\).*/\1/p' <<<"$counted")"
  paid="$(sed -n 's/.*paid=\([0-9]*\).*/\1/p' <<<"$counted")"
  [[ $found == "$ROWS" && $totals == "$ROWS" ]] || { echo "$format report: $counted, expected rows=$ROWS totals=$ROWS" >&2; exit 1; }
  [[ -z $PAID || $PAID == "$paid" ]] || { echo "$format report: $paid paid rows, the first format had $PAID" >&2; exit 1; }
  PAID="$paid"
  row "payment report, $format" "$secs" "$first" "$size" "$found rows"
done

# The same payments as a QuickBooks Desktop import file: the form posts (making the file, storing it
# and noting which payments went in) and redirects to its download; curl follows, so the time covers both.
echo "making and downloading the QuickBooks Desktop IIF file..." >&2
token="$(get "$BASE/admin/reports/accounting-exports" | token_of)"
begin_measure
read -r code size secs first < <(curl -s -L -b "$JAR" -c "$JAR" -H "Host: $HOST" -o "$T/export.iif" -w '%{http_code} %{size_download} %{time_total} %{time_starttransfer}\n' \
  --data-urlencode "Input.Program=quickbooks-desktop" --data-urlencode "Input.Mode=range" \
  --data-urlencode "Input.From=$FROM" --data-urlencode "Input.To=$TO" --data-urlencode "__RequestVerificationToken=$token" \
  "$BASE/admin/reports/accounting-exports")
end_measure
[[ $code == 200 ]] || { echo "IIF export: HTTP $code" >&2; exit 1; }
counted="$(python3 bench/reports/count_rows.py iif "$T/export.iif")"
entries="$(sed -n 's/.*entries=\([0-9]*\).*/\1/p' <<<"$counted")"
[[ $entries == "$PAID" && $counted == *"unbalanced=0"* ]] || { echo "IIF export: $counted, expected entries=$PAID (the paid payments) and none unbalanced" >&2; exit 1; }
row "QuickBooks Desktop IIF (make + download)" "$secs" "$first" "$size" "$entries entries"

LOAD1="$(cut -d' ' -f1-3 /proc/loadavg)"
STAMP="$(date -u +%Y-%m-%dT%H%MZ)"
RESULT="bench/results/reports-portal-$STAMP-$PROVIDER.md"
mkdir -p bench/results
{
  # Runtime settings given to the run (DOTNET_gcServer=0 and the like) go into the heading.
  echo "# $(env | grep -E '^DOTNET_(gc|GC)' | sort | tr '\n' ' ')bench/reports/portal.sh $([[ $PROVIDER == postgres ]] && echo '--postgres ')$ROWS"
  echo
  echo "$STAMP, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench/reports || echo ' + uncommitted changes'), $DB_LABEL, $(nproc) cores,"
  echo "load average $LOAD0 at the start, $LOAD1 at the end. $SEEDED."
  echo "Report range $FROM to $TO, status all. Portal RSS (MiB): $(mib "$READY_KIB") when the demo practice answered,"
  echo "$(mib "$SEEDED_KIB") after switching Reports on and seeding, $(mib "$IDLE_KIB") idle after the warm-up (a month in each format);"
  echo "peak over the process's life (start-up to the last download): $(mib "$LIFE_HWM_KIB") MiB."
  echo
  echo "| download | seconds | first byte s | MiB | found in the file | RSS before (MiB) | peak RSS, VmHWM (MiB) | peak RSS, sampled (MiB) | peak above before | portal CPU s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${TABLE[@]}"
  [[ $RESET == yes ]] || echo $'\n'"(The kernel refused to reset VmHWM, so only the sampled peak is per download.)"
} >"$RESULT"
cat "$RESULT"
echo "written to $RESULT" >&2
