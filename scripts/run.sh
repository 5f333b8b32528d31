#!/usr/bin/env bash
# Runs the center with the Lai Châu demo feed; the wall is at http://127.0.0.1:5080/. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
scripts/prerequisites.sh

dotnet build src/OperationsCenter.Server -c Release -v quiet -nologo
dotnet build src/OperationsCenter.Simulator -c Release -v quiet -nologo

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
trap 'exit 130' INT TERM

url="${OPERATIONSCENTER_URL:-http://127.0.0.1:5080}"
data="${OPERATIONSCENTER_DATA:-$root/data}"
influx_port="${OPERATIONSCENTER_INFLUX_PORT:-8086}"
redis_port="${OPERATIONSCENTER_REDIS_PORT:-6379}"

# InfluxDB and Redis, loopback only, data under $data, unless configured.
source scripts/local-stores.sh
start_local_stores pids
# Keys and people made on the admin screens (/admin) are kept in a settings file of the data folder.
if [ -z "${OperationsCenter__SettingsFile:-}" ]; then
  mkdir -p "$data"
  [ -s "$data/settings.json" ] || echo '{}' > "$data/settings.json"
  chmod 600 "$data/settings.json"
  export OperationsCenter__SettingsFile="$data/settings.json"
fi
(cd src/OperationsCenter.Server/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Demo \
  OperationsCenter__DataDirectory="$data" OperationsCenter__Alerts__RulesDirectory="${OperationsCenter__Alerts__RulesDirectory:-$root/rules}" \
  exec dotnet OperationsCenter.Server.dll --urls "$url") &
server=$!
pids+=($server)

for _ in $(seq 1 120); do
  center_answers "$url" && break
  kill -0 "$server" 2>/dev/null || { echo "the server stopped; see its output above" >&2; exit 1; }
  sleep 0.5
done
center_answers "$url" || { echo "the center did not answer at $url; see its output above" >&2; exit 1; }

dotnet src/OperationsCenter.Simulator/bin/Release/net10.0/OperationsCenter.Simulator.dll --url "$url" &
pids+=($!)

echo
echo "  Operations Center wall: $url/   (health: $url/health)"
echo "  Demo sign-ins (appsettings.Demo.json; demo only):"
echo "    operator  vanhanh / laichau-vanhanh    the wall, acknowledging"
echo "    leader    lanhdao / laichau-lanhdao    $url/leader.html"
echo "    admin     quantri / laichau-quantri    $url/admin: rules, silences, keys, people, audit (and the wall)"
echo "    commune   muongkim / laichau-muongkim  $url/department: xã Mường Kim's own feed and reports"
echo "  Demo feed: the 50 Lai Châu units of catalog/laichau.yaml (keys demo-key-<unit id>), with incidents now and then."
echo "  Ctrl-C stops everything this command started."
echo
wait
