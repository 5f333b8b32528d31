#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs every test project against real parts.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh --tests

dotnet build OperationsCenter.sln -c Release -nologo -v quiet
scripts/typecheck.sh
log=$(mktemp)
status=0
dotnet test OperationsCenter.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite.
awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
