#!/usr/bin/env bash
# Publishes the precis CLI to out/precis with the start-up settings of src/Precis.Cli/Precis.Cli.csproj:
# self-contained, trimmed, ReadyToRun composite. Usage: bench/publish.sh [runtime-id]  (default: this machine's)
set -euo pipefail
cd "$(dirname "$0")/.."
rid="${1:-$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')}"
rm -rf out/precis
dotnet publish src/Precis.Cli -c Release -r "$rid" -o out/precis
echo "published out/precis/precis ($rid)"
