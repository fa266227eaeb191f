#!/usr/bin/env bash
# Starts the whole Sanshen system on this machine with the demo agencies, and prints where to open it.
# Installs what it needs first: npm dependencies (Node 24 comes with them), PostgreSQL, NATS with
# JetStream and Redis (running ones are used; see scripts/infra/ensure.sh). The services keep running
# in the background after this returns; scripts/stop.sh stops them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/infra/ensure-node.sh
bash scripts/infra/ensure.sh
build_if_stale

mkdir -p "$RUN_DIR/logs"
# Secrets: from the environment or .env if set there; otherwise generated once for this checkout
# and kept in .run/secrets.env (git-ignored, mode 600). Never committed.
if [[ -f .env ]]; then set -a; source .env; set +a; fi
if [[ ! -f "$RUN_DIR/secrets.env" ]]; then
  umask 077
  {
    printf 'JWT_SECRET=%s\n' "$("$NODE" -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    printf 'PORTAL_PUSH_SECRET=%s\n' "$("$NODE" -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')"
    printf 'DEMO_PASSWORD=%s\n' "Sanshen-$("$NODE" -e 'console.log(require("crypto").randomBytes(6).toString("base64url"))')"
  } > "$RUN_DIR/secrets.env"
fi
# Added after the first release: older .run/secrets.env files lack it.
if ! grep -q '^INTERNAL_TOKEN_SECRET=' "$RUN_DIR/secrets.env"; then
  printf 'INTERNAL_TOKEN_SECRET=%s\n' "$("$NODE" -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" >> "$RUN_DIR/secrets.env"
fi
set -a
source "$RUN_DIR/secrets.env"
: "${JWT_SECRET:?}" "${PORTAL_PUSH_SECRET:?}" "${INTERNAL_TOKEN_SECRET:?}" "${DEMO_PASSWORD:?}"
export SEED_DEMO=true
set +a

bash scripts/stop.sh --quiet
for entry in "${SERVICES[@]}"; do
  app=${entry%%:*}
  port=${entry##*:}
  PORT=$port setsid nohup "$NODE" --enable-source-maps "dist/apps/$app/main.js" >> "$RUN_DIR/logs/$app.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$app.pid"
done

say "Waiting for the services to report healthy…"
deadline=$((SECONDS + 90))
for entry in "${SERVICES[@]}"; do
  app=${entry%%:*}
  port=${entry##*:}
  until curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1; do
    if ! kill -0 "$(cat "$RUN_DIR/$app.pid")" 2> /dev/null; then
      echo "The $app service stopped while starting; the end of .run/logs/$app.log:" >&2
      tail -n 30 "$RUN_DIR/logs/$app.log" >&2
      exit 1
    fi
    if (( SECONDS > deadline )); then
      echo "The $app service did not report healthy within 90 s; see .run/logs/$app.log" >&2
      exit 1
    fi
    sleep 0.5
  done
done

cat <<MSG

  Sanshen 三审 is running.

  Console      http://127.0.0.1:3000/           (staff: sign in as a demo user below)
  API          http://127.0.0.1:3000/api/v1
  OpenAPI      http://127.0.0.1:3000/api/docs
  Portal       http://127.0.0.1:3100/
  Job queues   http://127.0.0.1:3000/admin/queues    (sign in as gx_admin)
  Logs         .run/logs/<service>.log        Stop: scripts/stop.sh

  Demo users (password for all: $DEMO_PASSWORD)
    agency gx 海东市工业和信息化局, likewise zw_… and pp_… for the other two agencies:
      gx_drafter          起草人
      gx_dept_head        科室负责人（一审）
      gx_deputy           分管领导（二审）
      gx_principal        主要领导（三审）
      gx_secrecy_officer  保密审查员
      gx_publisher        发布管理员
      gx_admin            系统管理员
      gx_auditor          安全审计员

  Try it: curl -s -X POST http://127.0.0.1:3000/api/v1/auth/login \\
            -H 'Content-Type: application/json' \\
            -d '{"username":"gx_drafter","password":"$DEMO_PASSWORD"}'
MSG
