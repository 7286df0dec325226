#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET SDK it installs and starts what the
# suites need (PostgreSQL, an SMTP server, s3rver, Chromium, clamd), checks formatting, builds with
# warnings as errors and runs every suite; integration tests run on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/test-services.sh start
scripts/test-services.sh sweep
# shellcheck disable=SC1091
source "${PORTAL_TEST_HOME:-/tmp/portal-test}/test.env"

dotnet restore Portal.sln
dotnet format Portal.sln --verify-no-changes --no-restore
dotnet build Portal.sln -c Release --no-restore

# The browser suite runs beside the integration suite: it mostly waits on Chromium and its own
# portal processes, so overlapping them shortens the run on two cores. Its timeouts are scaled for
# the shared machine, and its output is printed whole once it ends.
e2e_log="$(mktemp)"
e2e_started="$(mktemp)"
PORTAL_E2E_TIMEOUT_SCALE="${PORTAL_E2E_TIMEOUT_SCALE:-2}" \
    dotnet test tests/Portal.E2E/Portal.E2E.csproj -c Release --no-build --logger "console;verbosity=minimal" "$@" >"$e2e_log" 2>&1 &
e2e_pid=$!
trap 'kill "$e2e_pid" 2>/dev/null || true' EXIT

integration=0
dotnet test tests/Portal.Tests/Portal.Tests.csproj -c Release --no-build --logger "console;verbosity=minimal" "$@" || integration=$?
e2e=0
wait "$e2e_pid" || e2e=$?
trap - EXIT
echo "---- end-to-end tests (tests/Portal.E2E)"
cat "$e2e_log"
rm -f "$e2e_log"
if [ "$e2e" -ne 0 ]; then
    # A browser test's failure often shows only what the browser saw: print what each portal it ran
    # logged as a warning or worse (CI keeps no other file).
    for log in artifacts/logs/e2e-*.log; do
        [ "$log" -nt "$e2e_started" ] || continue
        echo "---- $log: warnings and errors (last 40)"
        grep -E '"LogLevel":"(Warning|Error|Critical)"|Kestrel\.BadRequests' "$log" | tail -n 40 || true
    done
fi
rm -f "$e2e_started"
echo "integration tests: exit $integration; end-to-end tests: exit $e2e"
[ "$integration" -eq 0 ] && [ "$e2e" -eq 0 ]
