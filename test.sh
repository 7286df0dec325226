#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET SDK it installs and starts what the
# suites need (PostgreSQL, an SMTP server, s3rver, Chromium, clamd), checks formatting, builds with
# warnings as errors and runs every suite; integration tests run on SQLite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/test-services.sh start
# shellcheck disable=SC1091
source "${PORTAL_TEST_HOME:-/tmp/portal-test}/test.env"

dotnet restore Portal.sln
dotnet format Portal.sln --verify-no-changes --no-restore
dotnet build Portal.sln -c Release --no-restore
dotnet test tests/Portal.Tests/Portal.Tests.csproj -c Release --no-build --logger "console;verbosity=minimal" "$@"
dotnet test tests/Portal.E2E/Portal.E2E.csproj -c Release --no-build --logger "console;verbosity=minimal" "$@"
