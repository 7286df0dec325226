#!/usr/bin/env bash
# A payment report of N rows (default 100,000) in each format, one process per writer, then the same
# xlsx through ClosedXML 0.95.4: seconds and peak resident set. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")"
rows="${1:-100000}"
out="${2:-$(mktemp -d)}"
mkdir -p "$out"
dotnet build writers -c Release -v q -nologo >/dev/null
dotnet build closedxml -c Release -v q -nologo >/dev/null
for format in xlsx csv json; do
  dotnet writers/bin/Release/net10.0/Portal.Bench.Reports.dll "$format" "$rows" "$out/report.$format"
done
dotnet closedxml/bin/Release/net10.0/Portal.Bench.Reports.ClosedXml.dll "$rows" "$out/report-closedxml.xlsx"
