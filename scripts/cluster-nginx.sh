#!/usr/bin/env bash
# Writes the nginx configuration that puts a cluster's nodes behind one address, for scripts/cluster.sh and the tests.
#   scripts/cluster-nginx.sh PORT FOLDER NODE_URL...
# Writes FOLDER/nginx.conf (nginx listens on 127.0.0.1:PORT, its pid and temp files under FOLDER) and prints its path.
# Run nginx with: nginx -p FOLDER -c FOLDER/nginx.conf
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: scripts/cluster-nginx.sh PORT FOLDER NODE_URL..." >&2; exit 2; }
port=$1 folder=$(realpath -m "$2"); shift 2
mkdir -p "$folder/temp"
user_line=""
if [ "$(id -u)" -eq 0 ]; then user_line="user $(id -un);"; fi
servers=""
for u in "$@"; do servers+="    server ${u#http://} max_fails=1 fail_timeout=5s;"$'\n'; done
cat > "$folder/nginx.conf" <<CONF
$user_line
daemon off;
worker_processes 1;
pid $folder/nginx.pid;
error_log $folder/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $folder/temp/body;
  proxy_temp_path $folder/temp/proxy;
  fastcgi_temp_path $folder/temp/fastcgi;
  uwsgi_temp_path $folder/temp/uwsgi;
  scgi_temp_path $folder/temp/scgi;

  # Ingest, the API, sign-in and the wall's files: any node serves any request (live state is in the grains, the
  # cookie is readable by every node through the shared data-protection keys), so plain round robin. A node that
  # refuses connections is skipped for fail_timeout; a request it dropped mid-way is not resent (a POST is not
  # idempotent to nginx): the client gets 502 and retries, as it would against one node.
  upstream center {
$servers    keepalive 32;
  }

  # The hub: SignalR's negotiate (POST /hubs/wall/negotiate) creates the connection on one node, and the WebSocket
  # (or the SSE or long-polling requests when WebSockets are blocked) must reach that same node, so the hub is sticky:
  # by the sign-in cookie, so each signed-in browser keeps to one node and the walls spread over the nodes. When that
  # node is gone, the next request hashes to a survivor and the wall's reconnect gets a full snapshot there.
  map \$http_cookie \$wall_affinity {
    "~(^|;\\s*)oc\\.auth=(?<session>[^;]+)" \$session;
    default \$remote_addr;
  }
  upstream center_hubs {
    hash \$wall_affinity consistent;
$servers  }

  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

  server {
    listen 127.0.0.1:$port;
    client_max_body_size 11m;   # OperationsCenter:Ingest:MaxBodyBytes (10 MiB) and headers
    proxy_http_version 1.1;
    # proxy_set_header in a location replaces every inherited one, so each location names them all.

    location /hubs/ {
      proxy_pass http://center_hubs;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      proxy_buffering off;
    }

    location / {
      proxy_pass http://center;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header Connection "";
      proxy_request_buffering off;
    }
  }
}
CONF
echo "$folder/nginx.conf"
