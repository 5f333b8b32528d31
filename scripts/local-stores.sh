# Sourced by scripts/run.sh and scripts/cluster.sh: a local InfluxDB and Redis, loopback only, data under $data, unless
# OperationsCenter__Influx__Url / OperationsCenter__Alerts__Redis name others. Uses $data, $influx_port, $redis_port;
# appends what it starts to the array named by its argument, for the caller's Ctrl-C to stop.
start_local_stores() {
  local -n started=$1
  if [ -z "${OperationsCenter__Influx__Url:-}" ]; then
    mkdir -p "$data/influxdb"
    INFLUXDB_HTTP_BIND_ADDRESS=127.0.0.1:$influx_port INFLUXDB_BIND_ADDRESS=127.0.0.1:$((influx_port + 2)) \
    INFLUXDB_META_DIR="$data/influxdb/meta" INFLUXDB_DATA_DIR="$data/influxdb/data" \
    INFLUXDB_DATA_WAL_DIR="$data/influxdb/wal" INFLUXDB_REPORTING_DISABLED=true \
    INFLUXDB_HTTP_LOG_ENABLED=false INFLUXDB_LOGGING_LEVEL=warn \
      influxd -config /dev/null > "$data/influxdb.log" 2>&1 &
    started+=($!)
    for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$influx_port/ping" && break; sleep 0.5; done
    curl -fs -o /dev/null "http://127.0.0.1:$influx_port/ping" || { echo "InfluxDB did not start; see $data/influxdb.log" >&2; exit 1; }
    export OperationsCenter__Influx__Url=http://127.0.0.1:$influx_port
  fi

  # Alert state (and, for a cluster, membership and reminders), append-only file fsync'd on every write. Debian's
  # package may have started a system Redis on 6379 already: then that one is used.
  if [ -z "${OperationsCenter__Alerts__Redis:-}" ]; then
    if redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then
      echo "Using the Redis already answering on 127.0.0.1:$redis_port."
    else
      mkdir -p "$data/redis"
      redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$data/redis" --appendonly yes --appendfsync always \
        --save "" --daemonize no --logfile "" > "$data/redis.log" 2>&1 &
      started+=($!)
      for _ in $(seq 1 60); do redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.5; done
      redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG || { echo "Redis did not start; see $data/redis.log" >&2; exit 1; }
    fi
    export OperationsCenter__Alerts__Redis=127.0.0.1:$redis_port
  fi
}

# Whether the center itself answers at the URL $1: its /ping names it, so another server that took the port (InfluxDB
# answers /ping too) is not mistaken for it while the center is still starting or failed to bind.
center_answers() {
  [[ "$(curl -fsI "$1/ping" 2>/dev/null)" == *"X-Influxdb-Build: OperationsCenter"* ]]
}
