#!/usr/bin/env bash
# Runs the portal with its embedded defaults: SQLite files and e-mail pickup folder under
# src/Portal.Web/App_Data, the demo practice created on first run, http://localhost:5000.
# Needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
URLS="${PORTAL_URLS:-http://localhost:5000}"
# Links in e-mails and the printed sign-ins use the address the portal listens on.
export Portal__Tenancy__PublicUrl="${Portal__Tenancy__PublicUrl:-${URLS%%;*}}"
dotnet build src/Portal.Web/Portal.Web.csproj -c Release -v quiet -nologo
cd src/Portal.Web
# A first argument that is not an option is a command (./run.sh verify-audit demo, ./run.sh
# rotate-master-key): it runs with the same configuration instead of serving.
if [[ $# -gt 0 && $1 != -* ]]; then
  exec dotnet bin/Release/net10.0/Portal.Web.dll "$@"
fi
exec dotnet bin/Release/net10.0/Portal.Web.dll --urls "$URLS" "$@"
