#!/usr/bin/env bash
# Runs a local cluster of N centers (default 3) on one Redis and one InfluxDB behind nginx, with the Lai Châu demo feed;
# the wall is at http://127.0.0.1:5080/ (nginx). Ctrl-C stops everything this command started.
#   scripts/cluster.sh [N]
# Node K (1..N) serves HTTP on 127.0.0.1:$((5080 + K)), its silo on 11110+K, its gateway on 29999+K (the bases move with
# OPERATIONSCENTER_CLUSTER_PORT, OPERATIONSCENTER_CLUSTER_SILO_PORT and OPERATIONSCENTER_CLUSTER_GATEWAY_PORT), keeps its spool in
# data/cluster/node-K; every node reads the same rules folder and the same data-protection keys (data/cluster/keys),
# so a cookie from one node is good on all.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
nodes="${1:-3}"
[[ "$nodes" =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/cluster.sh [N]   (N nodes, default 3)" >&2; exit 2; }
scripts/prerequisites.sh --cluster

dotnet build src/OperationsCenter.Server -c Release -v quiet -nologo
dotnet build src/OperationsCenter.Simulator -c Release -v quiet -nologo

infra_pids=() node_pids=() front_pids=()
stop_all() {
  local pid
  # The feed and nginx first, then the nodes (each leaves the cluster on SIGTERM, which needs Redis, so they are
  # waited for, up to 60 s), Redis and InfluxDB last.
  for pid in "${front_pids[@]}" "${node_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 120); do
    local running=0
    for pid in "${node_pids[@]}"; do kill -0 "$pid" 2>/dev/null && running=1; done
    [ $running -eq 0 ] && break
    sleep 0.5
  done
  for pid in "${node_pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${infra_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port="${OPERATIONSCENTER_CLUSTER_PORT:-5080}"
silo_base="${OPERATIONSCENTER_CLUSTER_SILO_PORT:-11110}"
gateway_base="${OPERATIONSCENTER_CLUSTER_GATEWAY_PORT:-29999}"
url="http://127.0.0.1:$port"
data="${OPERATIONSCENTER_DATA:-$root/data}/cluster"
influx_port="${OPERATIONSCENTER_INFLUX_PORT:-8086}"
redis_port="${OPERATIONSCENTER_REDIS_PORT:-6379}"
rules="${OperationsCenter__Alerts__RulesDirectory:-$root/rules}"
# A fresh cluster id per run: members of an earlier run that was killed hard are not waited for. Grain state and
# reminders are kept per ServiceId (unchanged), so alerts and acknowledgements carry over from run to run.
cluster_id="${Orleans__ClusterId:-operations-center-$(date +%Y%m%d%H%M%S)}"
mkdir -p "$data"

# InfluxDB and Redis, loopback only, data under $data, unless configured.
source scripts/local-stores.sh
start_local_stores infra_pids

# The shared data-protection keys, readable by this user only.
mkdir -p "$data/keys" && chmod 700 "$data/keys"

node_urls=()
for k in $(seq 1 "$nodes"); do
  node_url="http://127.0.0.1:$((port + k))"
  node_urls+=("$node_url")
  mkdir -p "$data/node-$k"
  (cd src/OperationsCenter.Server/bin/Release/net10.0 && ASPNETCORE_ENVIRONMENT=Demo \
    Orleans__Clustering__ProviderType=Redis Orleans__ClusterId="$cluster_id" \
    Orleans__Endpoints__SiloPort=$((silo_base + k)) Orleans__Endpoints__GatewayPort=$((gateway_base + k)) \
    Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1 \
    OperationsCenter__DataDirectory="$data/node-$k" OperationsCenter__DataProtectionKeysPath="$data/keys" \
    OperationsCenter__Alerts__RulesDirectory="$rules" \
    OperationsCenter__Mqtt__Port="${OperationsCenter__Mqtt__Port:-0}" \
    exec dotnet OperationsCenter.Server.dll --urls "$node_url") > "$data/node-$k.log" 2>&1 &
  node_pids+=($!)
done

for k in $(seq 1 "$nodes"); do
  for _ in $(seq 1 120); do
    center_answers "${node_urls[k - 1]}" && break
    kill -0 "${node_pids[k - 1]}" 2>/dev/null || { echo "node $k stopped; the end of $data/node-$k.log:" >&2; tail -n 30 "$data/node-$k.log" >&2; exit 1; }
    sleep 0.5
  done
  center_answers "${node_urls[k - 1]}" || { echo "node $k did not answer; see $data/node-$k.log" >&2; exit 1; }
done

# nginx in front, with a generated configuration of its own (the machine's nginx service is not touched).
conf=$(scripts/cluster-nginx.sh "$port" "$data/nginx" "${node_urls[@]}")
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$data/nginx" -c "$conf" > "$data/nginx.log" 2>&1 &
front_pids+=($!)
for _ in $(seq 1 60); do center_answers "$url" && break; sleep 0.5; done
center_answers "$url" || { echo "nginx did not start; see $data/nginx.log and $data/nginx/error.log" >&2; exit 1; }

if [ -z "${OPERATIONSCENTER_NO_FEED:-}" ]; then
  dotnet src/OperationsCenter.Simulator/bin/Release/net10.0/OperationsCenter.Simulator.dll --url "$url" > "$data/simulator.log" 2>&1 &
  front_pids+=($!)
fi

echo
echo "  Operations Center wall: $url/   ($nodes nodes behind nginx, cluster id $cluster_id)"
for k in $(seq 1 "$nodes"); do
  echo "    node $k: ${node_urls[k - 1]}/  silo 127.0.0.1:$((silo_base + k))  gateway $((gateway_base + k))  data $data/node-$k  log $data/node-$k.log"
done
echo "  Demo sign-ins as scripts/run.sh (vanhanh / laichau-vanhanh, lanhdao / laichau-lanhdao, quantri / laichau-quantri)."
echo "  Demo feed through nginx (log: $data/simulator.log); MQTT is off on the nodes (OperationsCenter__Mqtt__Port)."
echo "  Ctrl-C stops everything this command started."
echo
wait
