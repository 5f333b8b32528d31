#!/usr/bin/env bash
# Type-checks the wall's ES modules (dashboards/wall/js) against the hub and API contract in js/contract.d.ts.
set -euo pipefail
cd "$(dirname "$0")/../dashboards/wall"

# The server build runs npm ci too; install here only when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ ! -e node_modules/typescript ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

npx --no-install tsc --noEmit -p tsconfig.json
echo "wall types check"
