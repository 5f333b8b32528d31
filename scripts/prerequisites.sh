#!/usr/bin/env bash
# Installs what the center and its tests need on a fresh Debian machine; safe to run again.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
command -v npm >/dev/null || missing+=(nodejs npm)
command -v influxd >/dev/null || missing+=(influxdb)
command -v redis-server >/dev/null || missing+=(redis-server)
# scripts/cluster.sh puts nginx in front of its nodes, and so do the cluster tests.
if [ "${1:-}" = "--cluster" ] || [ "${1:-}" = "--tests" ]; then
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
fi
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  command -v mosquitto_pub >/dev/null || missing+=(mosquitto-clients)
  command -v prometheus >/dev/null || missing+=(prometheus)
fi
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian's nginx package enables the site service on port 80; scripts/cluster.sh runs its own nginx, so stop that one
  # only when just installed here.
  if [[ " ${missing[*]} " == *" nginx "* ]] && command -v systemctl >/dev/null; then
    as_root systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
  # The package starts a Prometheus service (and a node exporter); the tests start their own prometheus, so stop those
  # only when just installed here (a Prometheus the machine already ran is left alone).
  if [[ " ${missing[*]} " == *" prometheus "* ]] && command -v systemctl >/dev/null; then
    as_root systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true
  fi
fi
