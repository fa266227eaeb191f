#!/usr/bin/env bash
# npm run test:compose — brings up docker-compose.yml (infrastructure and the seven services, the
# image built from the Dockerfile) and checks the installation an operator gets: every container
# healthy (= ready), the gateway and the portal answering on loopback, the first agency created
# with the command line and its admin told to change the one-time password. Then tears it down.
#
# Needs a Docker engine (and Compose v2, or Debian's docker-compose v1). Without an image
# registry it builds stand-ins of the base images from Debian's packages (deploy/compose-test/):
# debootstrap, then docker import. Infrastructure ports are moved off the defaults so a running
# PostgreSQL/Redis/NATS on this machine is not disturbed. Output: .run/compose-test/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/.run/compose-test"
STANDINS="$ROOT/deploy/compose-test"
DEBIAN_IMAGE="${SANSHEN_STANDIN_DEBIAN:-sanshen-standin/debian:bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
PROJECT="${COMPOSE_PROJECT:-sanshen-composetest}"
mkdir -p "$WORK"
passed=0
failed=0
check() { # name, command...
  local name="$1"; shift
  if "$@" >>"$WORK/checks.log" 2>&1; then passed=$((passed + 1)); echo "ok: $name"; else failed=$((failed + 1)); echo "FAILED: $name (see $WORK/checks.log)"; fi
}

docker info >/dev/null 2>&1 || { echo "compose-test: no Docker engine answers (start dockerd)" >&2; exit 1; }
if docker compose version >/dev/null 2>&1; then
  COMPOSE=(docker compose -p "$PROJECT" -f "$ROOT/docker-compose.yml")
else
  command -v docker-compose >/dev/null || { echo "compose-test: neither 'docker compose' nor docker-compose is installed" >&2; exit 1; }
  # Compose v1 does not know the top-level name: the project name is given with -p instead.
  grep -v '^name: ' "$ROOT/docker-compose.yml" > "$WORK/docker-compose.v1.yml"
  COMPOSE=(docker-compose -p "$PROJECT" --project-directory "$ROOT" -f "$WORK/docker-compose.v1.yml")
fi

registry_reachable() { timeout 20 docker pull -q "$1" >/dev/null 2>&1; }

if [ -z "${NODE_IMAGE:-}" ] && ! registry_reachable node:24-bookworm-slim; then
  echo "compose-test: no image registry; building stand-ins from Debian's packages"
  if ! docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || { echo "compose-test: apt-get install debootstrap" >&2; exit 1; }
    rm -rf "$WORK/rootfs"
    debootstrap --variant=minbase bookworm "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1
    tar -C "$WORK/rootfs" -c . | docker import - "$DEBIAN_IMAGE" >/dev/null
    rm -rf "$WORK/rootfs"
  fi
  # Node 24 from the `node` devDependency, npm from this machine.
  rm -rf "$WORK/node-context" && mkdir -p "$WORK/node-context/bin" "$WORK/node-context/lib/node_modules"
  cp "$(readlink -f "$ROOT/node_modules/.bin/node")" "$WORK/node-context/bin/node"
  cp -r "$(npm root -g)/npm" "$WORK/node-context/lib/node_modules/npm"
  cp "$STANDINS/node/Dockerfile" "$WORK/node-context/Dockerfile"
  cp /etc/ssl/certs/ca-certificates.crt "$WORK/node-context/ca-certificates.crt"
  for image in postgres redis nats; do
    docker build -q --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" -t "sanshen-standin/$image" "$STANDINS/$image" >/dev/null
  done
  docker build -q --build-arg "DEBIAN_IMAGE=$DEBIAN_IMAGE" -t sanshen-standin/node:24 "$WORK/node-context" >/dev/null
  export NODE_IMAGE=sanshen-standin/node:24 POSTGRES_IMAGE=sanshen-standin/postgres REDIS_IMAGE=sanshen-standin/redis NATS_IMAGE=sanshen-standin/nats
fi

export JWT_SECRET="$(openssl rand -hex 32)" INTERNAL_TOKEN_SECRET="$(openssl rand -hex 32)" PORTAL_PUSH_SECRET="$(openssl rand -hex 32)"
export PGPORT="${COMPOSE_TEST_PGPORT:-15432}" REDIS_PORT="${COMPOSE_TEST_REDIS_PORT:-16379}" NATS_PORT="${COMPOSE_TEST_NATS_PORT:-14222}"
trap '"${COMPOSE[@]}" down -v --remove-orphans >"$WORK/down.log" 2>&1 || true' EXIT

echo "compose-test: building and starting (log: $WORK/up.log)"
"${COMPOSE[@]}" build >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
"${COMPOSE[@]}" up -d >"$WORK/up.log" 2>&1 || { tail -30 "$WORK/up.log"; exit 1; }

all_healthy() {
  local ids status
  ids="$("${COMPOSE[@]}" ps -q)"
  [ "$(echo "$ids" | grep -c .)" -eq 10 ] || return 1
  for id in $ids; do
    status="$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$id")"
    [ "$status" = healthy ] || return 1
  done
}
deadline=$((SECONDS + ${COMPOSE_TEST_TIMEOUT:-600}))
until all_healthy; do
  if [ $SECONDS -gt $deadline ]; then
    "${COMPOSE[@]}" ps; "${COMPOSE[@]}" logs --tail 20 >"$WORK/logs.txt" 2>&1
    echo "compose-test: not every container became healthy (logs: $WORK/logs.txt)"; exit 1
  fi
  sleep 5
done
check "ten containers healthy (ready)" true
check "gateway ready on 127.0.0.1:3000" curl -fsS http://127.0.0.1:3000/health/ready
check "gateway live" curl -fsS http://127.0.0.1:3000/health/live
check "portal ready without NATS" sh -c 'curl -fsS http://127.0.0.1:3100/health/ready | grep -q "\"postgres\"" && ! curl -fsS http://127.0.0.1:3100/health/ready | grep -q nats'

created="$("${COMPOSE[@]}" run --rm -T gateway node dist/apps/gateway/main.js agency:create --code ct --name 组合测试局 --admin-username ct_admin 2>>"$WORK/checks.log" | tail -1)"
password="$(node -e 'const r = JSON.parse(process.argv[1]); process.stdout.write(r.admin.oneTimePassword)' "$created" 2>>"$WORK/checks.log" || true)"
check "agency:create prints a one-time password" test -n "$password"
login="$(curl -sS -H 'Content-Type: application/json' -d "{\"username\":\"ct_admin\",\"password\":\"$password\"}" http://127.0.0.1:3000/api/v1/auth/login || true)"
check "the admin signs in and must change the password" sh -c "echo '$login' | grep -q '\"passwordChangeRequired\":true'"
check "one article walked from draft to the portal page by the new agency's people" node "$ROOT/scripts/compose-walk.mjs" http://127.0.0.1:3000 http://127.0.0.1:3100 ct_admin "$password"
size="$(docker image inspect sanshen:local --format '{{.Size}}' 2>>"$WORK/checks.log" || echo 0)"
base="$(docker image inspect "${NODE_IMAGE:-node:24-bookworm-slim}" --format '{{.Size}}' 2>/dev/null || docker image inspect sanshen-standin/node:24 --format '{{.Size}}' 2>/dev/null || echo 0)"
# The budget (docs/operations.md) is 500 MB on the official base: what the project adds must stay under 500 MB less its 220 MB.
check "the image adds at most 280 MB to its base ($(( (size - base) / 1000000 )) MB)" test "$(( size - base ))" -le 280000000

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
