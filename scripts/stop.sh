#!/usr/bin/env bash
# Stops the services scripts/start.sh started (PostgreSQL, NATS and Redis keep running).
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
quiet=${1:-}
for entry in "${SERVICES[@]}"; do
  app=${entry%%:*}
  pidfile="$RUN_DIR/$app.pid"
  [[ -f $pidfile ]] || continue
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2> /dev/null; then
    kill -TERM "$pid" 2> /dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2> /dev/null
    [[ $quiet == --quiet ]] || echo "stopped $app"
  fi
  rm -f "$pidfile"
done
