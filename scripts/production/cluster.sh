# Sourced: starts and stops the parts of Medusa's production shape on one machine, from
# the app scripts/contract/install-medusa.sh installed in $work:
#   redis     Debian's redis-server on 127.0.0.1:$redis_port, append-only file on
#             (a restart keeps BullMQ's queued events and scheduled jobs)
#   server1   `medusa start` with MEDUSA_WORKER_MODE=server on $((base_port + 1))
#   server2   the same on $((base_port + 2))
#   worker    MEDUSA_WORKER_MODE=worker on $((base_port + 3)): subscribers, scheduled jobs
#   proxy     Debian's nginx on $base_port, round-robin over server1 and server2: a
#             server that refuses connections is skipped (the request was never sent,
#             so even a POST is safe to pass on); a request it dropped mid-way is a 502
#   print     the native print worker (demo/print_worker) as the print service on
#             $print_port, writing jobs and its log (webhooks.log) into $prod/print
# Each part runs in its own process group (its pid file in $prod/run), so one can be
# stopped with any signal, KILL as a crash would, without touching the others.
# Needs: work, root (the repository), and for print: PRINT_WORKER_BIN, PRINT_WEBHOOK_SECRET,
# LOCATION_ID. Every part's output goes to $prod/logs/<part>.log.
base_port=${PRODUCTION_PORT:-9100}
redis_port=${REDIS_PORT:-6390}
print_port=${PRINT_PORT:-$((base_port + 11))}
prod=${PRODUCTION_WORK:-$root/build/production}
export REDIS_URL="redis://127.0.0.1:$redis_port"
mkdir -p "$prod/run" "$prod/logs" "$prod/redis" "$prod/nginx" "$prod/print"

part_port() {
  case $1 in
    proxy) echo "$base_port" ;; server1) echo $((base_port + 1)) ;; server2) echo $((base_port + 2)) ;;
    worker) echo $((base_port + 3)) ;; print) echo "$print_port" ;; redis) echo "$redis_port" ;;
    *) echo "unknown part $1" >&2; return 1 ;;
  esac
}

# spawn <part> <command...>: runs the command as a new process group's leader.
spawn() {
  local name=$1; shift
  setsid "$@" >>"$prod/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$prod/run/$name.pid"
}

# wait_ready <part> <probe command...>: until the probe succeeds (60 s), or the part died.
wait_ready() {
  local name=$1 pid; shift
  pid=$(cat "$prod/run/$name.pid")
  for _ in $(seq 1 600); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$name exited:"; tail -30 "$prod/logs/$name.log"; return 1; }
    sleep 0.1
  done
  echo "$name did not become ready:"; tail -30 "$prod/logs/$name.log"; return 1
}

nginx_conf() {
  # As root, nginx's workers would run as "nobody", who may not enter this folder (a
  # clone under mktemp -d is 0700) to buffer a photo upload or download: they stay root.
  local user=""
  [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$prod/nginx/nginx.conf" <<CONF
$user
worker_processes 1;
pid $prod/nginx/nginx.pid;
error_log $prod/logs/proxy.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $prod/nginx/body;
  proxy_temp_path $prod/nginx/proxy;
  fastcgi_temp_path $prod/nginx/fastcgi;
  uwsgi_temp_path $prod/nginx/uwsgi;
  scgi_temp_path $prod/nginx/scgi;
  client_max_body_size 16m;
  upstream medusa {
    server 127.0.0.1:$((base_port + 1)) max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$((base_port + 2)) max_fails=1 fail_timeout=2s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$base_port;
    location / {
      proxy_pass http://medusa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      # Only "error": a connection refused or reset before the request was sent. A
      # request a server received is never sent again (a POST is not idempotent).
      proxy_next_upstream error;
      proxy_connect_timeout 2s;
      proxy_read_timeout 120s;
    }
  }
}
CONF
}

# part_up <part>: starts it and waits until it answers.
part_up() {
  local name=$1 port
  port=$(part_port "$name") || return 1
  case $name in
    redis)
      spawn redis redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$prod/redis" --appendonly yes \
        --appendfsync everysec --save "" --protected-mode no --daemonize no
      wait_ready redis redis-cli -p "$redis_port" ping ;;
    server1 | server2 | worker)
      local mode=server
      [ "$name" = worker ] && mode=worker
      (cd "$work" && MEDUSA_WORKER_MODE=$mode spawn "$name" ./node_modules/.bin/medusa start --port "$port")
      wait_ready "$name" curl -sf "http://127.0.0.1:$port/health" ;;
    proxy)
      nginx_conf
      spawn proxy nginx -c "$prod/nginx/nginx.conf" -p "$prod/nginx" -g "daemon off;"
      wait_ready proxy curl -s -o /dev/null "http://127.0.0.1:$base_port/" ;;
    print)
      spawn print "$PRINT_WORKER_BIN" --url "http://127.0.0.1:$base_port" --email admin@example.com --password supersecret \
        --out "$prod/print" --listen "$print_port" --location "$LOCATION_ID" --webhook-secret "$PRINT_WEBHOOK_SECRET"
      wait_ready print grep -q "listening for signed print jobs" "$prod/logs/print.log" ;;
  esac
}

# part_down <part> [signal]: stops it (TERM, or KILL as a crash would) and waits until
# its whole process group is gone.
part_down() {
  local name=$1 signal=${2:-TERM} pid
  pid=$(cat "$prod/run/$name.pid" 2>/dev/null) || return 0
  kill -"$signal" -- -"$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 -- -"$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- -"$pid" 2>/dev/null || true
  rm -f "$prod/run/$name.pid"
}

cluster_down() {
  for name in print proxy server1 server2 worker redis; do part_down "$name"; done
}
