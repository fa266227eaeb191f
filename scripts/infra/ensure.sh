#!/usr/bin/env bash
# Make PostgreSQL, Redis and NATS (with JetStream) answer for development and tests.
#
# For each of the three, in this order:
#   a) it already answers at its host:port           -> use it, change nothing;
#   b) else, if a Docker engine answers (docker info) -> docker compose up -d <service>,
#      then wait until the container is healthy;
#   c) else install Debian's package (apt-get; postgresql, redis-server, nats-server) if it
#      is missing and start it without systemd.
# Then it waits, bounded, until each one answers, checks that NATS has JetStream enabled and
# that the database named in DATABASE_URL exists (creating it if psql is available).
#
# Idempotent and quiet when everything already runs; prints one line per action it takes.
#
# Where (first match wins):
#   PostgreSQL  PGHOST / PGPORT, else host/port of DATABASE_URL, else 127.0.0.1:5432
#   Redis       REDIS_PORT,       else host/port of REDIS_URL,    else 127.0.0.1:6379
#   NATS        NATS_PORT,        else host/port of NATS_URL,     else 127.0.0.1:4222
# Variables not set in the environment are read from the project's .env, if there is one
# (only the keys above; the file is not executed).
# SANSHEN_INFRA_TIMEOUT: seconds to wait for each service to answer (default 60).
#
# Services are only ever started on this machine: a non-loopback host that does not answer
# is an error. Started natively, Redis keeps no data across restarts (--save "" --appendonly
# no) and PostgreSQL accepts user postgres from 127.0.0.1 without a password (a trust line
# is prepended to pg_hba.conf): settings for development machines only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TIMEOUT="${SANSHEN_INFRA_TIMEOUT:-60}"
LOG_DIR="$ROOT/.run"

log() { printf 'infra: %s\n' "$*" >&2; }
die() {
  printf 'infra: error: %s\n' "$1" >&2
  shift
  local detail
  for detail in "$@"; do printf '%s\n' "$detail" | sed 's/^/  /' >&2; done
  exit 1
}

[[ $TIMEOUT =~ ^[0-9]+$ ]] || die "SANSHEN_INFRA_TIMEOUT must be a number of seconds, got '$TIMEOUT'"

# --- configuration -------------------------------------------------------------------------

# read_dotenv KEY: set KEY from .env when it is not already set in the environment.
read_dotenv() {
  local key=$1 line value
  [[ -n ${!key+x} || ! -f $ROOT/.env ]] && return 0
  line=$(grep -E "^[[:space:]]*(export[[:space:]]+)?${key}=" "$ROOT/.env" | tail -n 1) || return 0
  value=${line#*=}
  value=${value%$'\r'}
  if [[ $value == \"*\" || $value == \'*\' ]]; then value=${value:1:${#value}-2}; fi
  printf -v "$key" '%s' "$value"
}
for key in DATABASE_URL REDIS_URL NATS_URL PGHOST PGPORT REDIS_PORT NATS_PORT; do read_dotenv "$key"; done

# url_host URL / url_port URL DEFAULT: host and port of scheme://[user[:pass]@]host[:port][/path][?query]
url_authority() {
  local rest=${1%%,*}        # NATS_URL may list several servers: the first one counts
  rest=${rest#*://}
  rest=${rest%%[/?#]*}
  printf '%s' "${rest##*@}"
}
url_host() {
  local a
  a=$(url_authority "$1")
  if [[ $a == \[* ]]; then a=${a#[}; printf '%s' "${a%%]*}"; else printf '%s' "${a%%:*}"; fi
}
url_port() {
  local a port=""
  a=$(url_authority "$1")
  if [[ $a == \[* ]]; then
    a=${a#*]}
    port=${a#:}
  elif [[ $a == *:* ]]; then
    port=${a##*:}
  fi
  printf '%s' "${port:-$2}"
}

PG_HOST=${PGHOST:-} PG_PORT=${PGPORT:-} REDIS_HOST=""
if [[ -n ${DATABASE_URL:-} ]]; then
  [[ -n $PG_HOST ]] || PG_HOST=$(url_host "$DATABASE_URL")
  [[ -n $PG_PORT ]] || PG_PORT=$(url_port "$DATABASE_URL" 5432)
fi
if [[ -n ${REDIS_URL:-} ]]; then
  REDIS_HOST=$(url_host "$REDIS_URL")
  [[ -n ${REDIS_PORT:-} ]] || REDIS_PORT=$(url_port "$REDIS_URL" 6379)
fi
NATS_HOST=""
if [[ -n ${NATS_URL:-} ]]; then
  NATS_HOST=$(url_host "$NATS_URL")
  [[ -n ${NATS_PORT:-} ]] || NATS_PORT=$(url_port "$NATS_URL" 4222)
fi
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432}
REDIS_HOST=${REDIS_HOST:-127.0.0.1} REDIS_PORT=${REDIS_PORT:-6379}
NATS_HOST=${NATS_HOST:-127.0.0.1} NATS_PORT=${NATS_PORT:-4222}
DB_URL=${DATABASE_URL:-postgres://postgres@${PG_HOST}:${PG_PORT}/sanshen}

for p in "$PG_PORT" "$REDIS_PORT" "$NATS_PORT"; do
  [[ $p =~ ^[0-9]+$ ]] || die "not a port number: '$p' (check PGPORT, REDIS_PORT, NATS_PORT and the *_URL variables)"
done

is_loopback() { [[ $1 == 127.* || $1 == localhost || $1 == ::1 ]]; }

# --- probes (bash /dev/tcp, so they work before any client is installed) ----------------------

# tcp_talk HOST PORT SEND [N]: connect, send SEND (a printf format; may be empty) and print the
# first reply line, or the first N characters of the reply.
tcp_talk() {
  # shellcheck disable=SC2016 # the inner script expands its own arguments
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    [[ -n $2 ]] && printf "$2" >&3
    if [[ -n $3 ]]; then IFS= read -r -t 2 -n "$3" line <&3; else IFS= read -r -t 2 line <&3; fi
    [[ -n $line ]] || exit 1
    printf "%s" "$line"
  ' "$1" "$2" "$3" "${4:-}" 2>/dev/null
}

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2
  else
    # SSLRequest: a PostgreSQL server answers with a single byte, S or N.
    local reply
    reply=$(tcp_talk "$PG_HOST" "$PG_PORT" '\x00\x00\x00\x08\x04\xd2\x16\x2f' 1) || true
    [[ $reply == S* || $reply == N* ]]
  fi
}

redis_answers() {
  local reply
  reply=$(tcp_talk "$REDIS_HOST" "$REDIS_PORT" 'PING\r\n') || return 1
  [[ $reply == +PONG* || $reply == -NOAUTH* ]]   # NOAUTH: answers, wants the password in REDIS_URL
}

nats_info() { tcp_talk "$NATS_HOST" "$NATS_PORT" ''; }
nats_answers() { local info; info=$(nats_info) || return 1; [[ $info == INFO* ]]; }
nats_has_jetstream() { local info; info=$(nats_info) || return 1; [[ $info == *'"jetstream":true'* ]]; }

answers() {
  case $1 in
    postgres) pg_answers ;;
    redis) redis_answers ;;
    nats) nats_answers ;;
  esac
}

where() {
  case $1 in
    postgres) printf 'PostgreSQL at %s:%s' "$PG_HOST" "$PG_PORT" ;;
    redis) printf 'Redis at %s:%s' "$REDIS_HOST" "$REDIS_PORT" ;;
    nats) printf 'NATS at %s:%s' "$NATS_HOST" "$NATS_PORT" ;;
  esac
}

host_of() {
  case $1 in
    postgres) printf '%s' "$PG_HOST" ;;
    redis) printf '%s' "$REDIS_HOST" ;;
    nats) printf '%s' "$NATS_HOST" ;;
  esac
}

# wait_until SERVICE HINT...: poll until SERVICE answers or TIMEOUT seconds pass.
wait_until() {
  local svc=$1 deadline=$((SECONDS + TIMEOUT))
  shift
  until answers "$svc"; do
    if ((SECONDS >= deadline)); then
      die "$(where "$svc") did not answer within ${TIMEOUT}s." "$@" \
        "Raise SANSHEN_INFRA_TIMEOUT to wait longer."
    fi
    sleep 1
  done
}

# --- b) Docker Compose ------------------------------------------------------------------------

COMPOSE=()
docker_usable() {
  command -v docker >/dev/null 2>&1 || return 1
  timeout 20 docker info >/dev/null 2>&1 || return 1
  # Compose v2 (the docker plugin, or a v2 standalone docker-compose): v1 cannot read the file.
  if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
  elif [[ $(docker-compose version --short 2>/dev/null) =~ ^v?([2-9]|[1-9][0-9]) ]]; then
    COMPOSE=(docker-compose)
  else
    log "a Docker engine answers but Docker Compose v2 ('docker compose') is not installed; using Debian packages instead"
    return 1
  fi
}

compose() {
  # The app services need JWT_SECRET, PORTAL_PUSH_SECRET and INTERNAL_TOKEN_SECRET, and Compose checks the whole
  # file; placeholders let the infrastructure start without .env. They never reach a
  # container: only postgres, redis and nats are started here.
  (cd "$ROOT" && JWT_SECRET="${JWT_SECRET:-infra-only-placeholder}" \
    PORTAL_PUSH_SECRET="${PORTAL_PUSH_SECRET:-infra-only-placeholder}" \
    INTERNAL_TOKEN_SECRET="${INTERNAL_TOKEN_SECRET:-infra-only-placeholder}" \
    PGPORT="$PG_PORT" REDIS_PORT="$REDIS_PORT" NATS_PORT="$NATS_PORT" \
    "${COMPOSE[@]}" "$@")
}

start_with_compose() {
  local svc id status deadline out
  log "starting $* with ${COMPOSE[*]} (docker-compose.yml)"
  if ! out=$(compose up -d "$@" 2>&1); then
    die "'${COMPOSE[*]} up -d $*' failed:" "$out"
  fi
  deadline=$((SECONDS + TIMEOUT))
  for svc in "$@"; do
    while :; do
      id=$(compose ps -q "$svc" 2>/dev/null | head -n 1) || true
      status=$( [[ -n $id ]] && docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id" 2>/dev/null ) || true
      [[ $status == healthy ]] && break
      if [[ $status == unhealthy || $status == exited || $status == dead ]] || ((SECONDS >= deadline)); then
        die "the $svc container is '${status:-not created}' after $((SECONDS + TIMEOUT - deadline))s." \
          "See: ${COMPOSE[*]} logs $svc"
      fi
      sleep 1
    done
  done
}

# --- c) Debian packages, no systemd ------------------------------------------------------------

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "installing and starting services needs root: run as root, install sudo, or start $(printf '%s ' "$@")yourself."
  fi
}

package_of() {
  case $1 in
    postgres) printf postgresql ;;
    redis) printf redis-server ;;
    nats) printf nats-server ;;
  esac
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_packages() {
  local pkgs=() svc pkg aptlog
  for svc in "$@"; do
    pkg=$(package_of "$svc")
    installed "$pkg" || pkgs+=("$pkg")
  done
  ((${#pkgs[@]})) || return 0
  command -v apt-get >/dev/null 2>&1 ||
    die "$(printf '%s ' "${pkgs[@]}")not installed and apt-get is missing: this fallback needs Debian or Ubuntu." \
      "Install them yourself, or run a Docker engine so that docker-compose.yml can provide them."
  mkdir -p "$LOG_DIR"
  aptlog="$LOG_DIR/infra-apt.log"
  log "installing ${pkgs[*]} with apt-get (log: $aptlog)"
  # C.UTF-8 so that the cluster the postgresql package creates has UTF-8 encoding.
  if ! as_root env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 \
    apt-get update -q >"$aptlog" 2>&1 ||
    ! as_root env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 LC_ALL=C.UTF-8 \
      apt-get install -y -q --no-install-recommends "${pkgs[@]}" >>"$aptlog" 2>&1; then
    die "apt-get could not install ${pkgs[*]}; last lines of $aptlog:" "$(tail -n 15 "$aptlog")"
  fi
}

# start_postgres_native: find the cluster on PG_PORT (create one if the machine has none),
# start it unless it is online, and remember it for the pg_hba.conf step.
PG_CLUSTER_VERSION="" PG_CLUSTER_NAME=""
start_postgres_native() {
  local ver name port status clusters cluster_status=""
  clusters=$(pg_lsclusters -h 2>/dev/null) || true
  while read -r ver name port status _; do
    [[ -n ${ver:-} && $port == "$PG_PORT" ]] || continue
    PG_CLUSTER_VERSION=$ver PG_CLUSTER_NAME=$name cluster_status=$status
    break
  done <<<"$clusters"
  if [[ -z $PG_CLUSTER_VERSION ]]; then
    if [[ -n $clusters ]]; then
      die "no PostgreSQL cluster on port $PG_PORT; this machine has (version name port status ...):" "$clusters" \
        "Start one of them, set PGPORT to its port, or create one: pg_createcluster <version> main -p $PG_PORT"
    fi
    # shellcheck disable=SC2012 # version directories: plain names
    ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1) || true
    [[ -n $ver ]] || die "PostgreSQL is installed but /usr/lib/postgresql holds no server version."
    log "creating PostgreSQL cluster $ver/main on port $PG_PORT"
    as_root pg_createcluster --locale=C.UTF-8 --encoding=UTF8 "$ver" main -p "$PG_PORT" >/dev/null
    PG_CLUSTER_VERSION=$ver PG_CLUSTER_NAME=main
  fi
  [[ $cluster_status == online* ]] && return 0
  log "starting PostgreSQL cluster $PG_CLUSTER_VERSION/$PG_CLUSTER_NAME"
  as_root pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" start ||
    die "pg_ctlcluster $PG_CLUSTER_VERSION $PG_CLUSTER_NAME start failed." \
      "See /var/log/postgresql/postgresql-$PG_CLUSTER_VERSION-$PG_CLUSTER_NAME.log"
}

start_redis_native() {
  local args=(--daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no)
  [[ -d /var/log/redis ]] && args+=(--logfile /var/log/redis/redis-server-sanshen.log)
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  as_root redis-server "${args[@]}" || die "redis-server did not start."
}

start_nats_native() {
  local bin store
  bin=$(command -v nats-server 2>/dev/null || echo /usr/sbin/nats-server)
  [[ -x $bin ]] || die "nats-server is not installed at $bin."
  store=/var/lib/nats-server
  [[ $NATS_PORT == 4222 ]] || store=/var/lib/nats-server-$NATS_PORT
  as_root mkdir -p "$store"
  log "starting nats-server with JetStream on 127.0.0.1:$NATS_PORT (store $store)"
  as_root start-stop-daemon --start --oknodo --background \
    --make-pidfile --pidfile "/run/sanshen-nats-$NATS_PORT.pid" \
    --exec "$bin" -- -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$store" -l "/var/log/nats-server-$NATS_PORT.log" ||
    die "nats-server did not start." "See /var/log/nats-server-$NATS_PORT.log"
}

start_with_packages() {
  local svc
  install_packages "$@"
  for svc in "$@"; do
    case $svc in
      postgres) start_postgres_native ;;   # also when it answers: its pg_hba.conf may need the trust line
      redis) answers redis || start_redis_native ;;   # a fresh package may have started its own server
      nats) answers nats || start_nats_native ;;
    esac
  done
}

# --- PostgreSQL: password-less local access on a native dev install, and the database --------

psql_q() { PGCONNECT_TIMEOUT=5 psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }

# admin_url: DB_URL with its database replaced by 'postgres' (query string kept).
admin_url() {
  local scheme=${DB_URL%%://*} rest=${DB_URL#*://} query=""
  [[ $rest == *\?* ]] && query="?${rest#*\?}" && rest=${rest%%\?*}
  printf '%s://%s/postgres%s' "$scheme" "${rest%%/*}" "$query"
}

db_name() {
  local rest=${DB_URL#*://}
  rest=${rest%%\?*}
  if [[ $rest == */* ]]; then printf '%s' "${rest#*/}"; fi
}

trust_local_postgres() {
  local hba="/etc/postgresql/$PG_CLUSTER_VERSION/$PG_CLUSTER_NAME/pg_hba.conf"
  local line='host all postgres 127.0.0.1/32 trust'
  [[ -f $hba ]] || return 0
  grep -qxF "$line" "$hba" && return 0
  log "allowing user postgres from 127.0.0.1 without a password (dev only): $hba"
  as_root sed -i "1i # Added by sanshen scripts/infra/ensure.sh for development: remove on shared machines.\n$line" "$hba"
  as_root pg_ctlcluster "$PG_CLUSTER_VERSION" "$PG_CLUSTER_NAME" reload
}

ensure_database() {
  local db err admin
  command -v psql >/dev/null 2>&1 || return 0   # no client: Compose's POSTGRES_DB made 'sanshen'
  admin=$(admin_url)
  if ! err=$(psql_q "$admin" -c 'select 1' 2>&1 >/dev/null); then
    if [[ -n $PG_CLUSTER_VERSION ]] && is_loopback "$PG_HOST"; then
      trust_local_postgres
      for _ in 1 2 3 4 5 6 7 8 9 10; do   # the reload takes effect asynchronously
        err=$(psql_q "$admin" -c 'select 1' 2>&1 >/dev/null) && err="" && break
        sleep 0.5
      done
    fi
    [[ -z $err ]] || die "$(where postgres) answers but refuses the connection from DATABASE_URL:" "$err" \
      "Put the right user and password in DATABASE_URL, or on a development machine add" \
      "'host all postgres 127.0.0.1/32 trust' at the top of pg_hba.conf and reload PostgreSQL."
  fi
  db=$(db_name)
  [[ -n $db ]] || return 0
  [[ $db =~ ^[A-Za-z0-9_-]+$ ]] || { log "not checking database '$db': unexpected characters in its name"; return 0; }
  [[ $(psql_q "$admin" -c "select 1 from pg_database where datname = '$db'") == 1 ]] && return 0
  log "creating database $db"
  psql_q "$admin" -c "create database \"$db\" template template0 encoding 'UTF8'" >/dev/null ||
    die "could not create database $db."
}

# --- main ----------------------------------------------------------------------------------------

missing=()
for svc in postgres redis nats; do
  answers "$svc" && continue
  host=$(host_of "$svc")
  is_loopback "$host" ||
    die "$(where "$svc") does not answer, and ensure.sh only starts services on this machine." \
      "Start it there, or point the *_URL variables at 127.0.0.1."
  missing+=("$svc")
done

if ((${#missing[@]})); then
  if docker_usable; then
    start_with_compose "${missing[@]}"
    for svc in "${missing[@]}"; do
      wait_until "$svc" "The container is healthy but the port does not answer: is another process bound to it?"
    done
  else
    start_with_packages "${missing[@]}"
    for svc in "${missing[@]}"; do
      case $svc in
        postgres) wait_until postgres "See /var/log/postgresql/ for the server log." ;;
        redis) wait_until redis "See /var/log/redis/redis-server-sanshen.log, if it exists." ;;
        nats) wait_until nats "See /var/log/nats-server-$NATS_PORT.log." ;;
      esac
    done
  fi
fi

# A NATS that we did not start may run without JetStream; its INFO line says so.
nats_has_jetstream ||
  die "$(where nats) answers but JetStream is not enabled." \
    "Restart it with -js (nats-server -js -sd <store dir>), or with 'jetstream {}' in its config file."

ensure_database
