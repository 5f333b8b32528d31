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

# A local InfluxDB, loopback only, data under data/influxdb, unless one is configured.
if [ -z "${OperationsCenter__Influx__Url:-}" ]; then
  mkdir -p data/influxdb
  INFLUXDB_HTTP_BIND_ADDRESS=127.0.0.1:8086 INFLUXDB_BIND_ADDRESS=127.0.0.1:8088 \
  INFLUXDB_META_DIR="$PWD/data/influxdb/meta" INFLUXDB_DATA_DIR="$PWD/data/influxdb/data" \
  INFLUXDB_DATA_WAL_DIR="$PWD/data/influxdb/wal" INFLUXDB_REPORTING_DISABLED=true \
  INFLUXDB_HTTP_LOG_ENABLED=false INFLUXDB_LOGGING_LEVEL=warn \
    influxd -config /dev/null > data/influxdb.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -fs -o /dev/null http://127.0.0.1:8086/ping && break; sleep 0.5; done
  curl -fs -o /dev/null http://127.0.0.1:8086/ping || { echo "InfluxDB did not start; see data/influxdb.log" >&2; exit 1; }
  export OperationsCenter__Influx__Url=http://127.0.0.1:8086
fi
(cd src/OperationsCenter.Server/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Demo \
  OperationsCenter__DataDirectory="$root/data" exec dotnet OperationsCenter.Server.dll --urls "$url") &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$url/ping" && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "the server stopped; see its output above" >&2; exit 1; }
  sleep 0.5
done

dotnet src/OperationsCenter.Simulator/bin/Release/net10.0/OperationsCenter.Simulator.dll --url "$url" &
pids+=($!)

echo
echo "  Operations Center wall: $url/   (health: $url/health)"
echo "  Demo feed: 50 Lai Châu units (keys demo-key-<unit id>). Ctrl-C stops the center and the feed."
echo
wait
