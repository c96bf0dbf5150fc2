# Sourced: starts and stops the contract app's `medusa start` (in $work, on
# $medusa_port). The process group id is kept in $work/medusa.pid, so a test that
# restarts Medusa (scripts/contract/restart-medusa.sh) leaves a process the caller's
# exit trap still stops.

# Starts Medusa and waits until /health answers; exits the shell if it does not.
medusa_up() {
  # `setsid` as the background command itself: its pid is the new process group's id.
  (
    cd "$work" || exit 1
    setsid npx medusa start --port "$medusa_port" >>medusa.log 2>&1 &
    echo $! >"$work/medusa.pid"
  )
  medusa_pid=$(cat "$work/medusa.pid")
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$medusa_port/health" >/dev/null 2>&1 && return 0
    kill -0 "$medusa_pid" 2>/dev/null || { tail -40 "$work/medusa.log"; exit 1; }
    sleep 1
  done
  echo "Medusa did not start"; tail -40 "$work/medusa.log"; exit 1
}

# Stops Medusa with signal ${1:-TERM} (KILL: as a crash would) and waits until it is gone.
medusa_down() {
  local pid
  pid=$(cat "$work/medusa.pid" 2>/dev/null) || return 0
  kill -"${1:-TERM}" -- -"$pid" 2>/dev/null || kill -"${1:-TERM}" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- -"$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$work/medusa.pid"
}
