# Shared by scripts/start.sh, stop.sh and test.sh. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE="$ROOT/node_modules/.bin/node"
# Every tool's `#!/usr/bin/env node` must find the project's Node 24, not the system's (STACK-NOTES).
export PATH="$ROOT/node_modules/.bin:$PATH"
RUN_DIR="$ROOT/.run"
# service:port — the order services start in (gateway last: it calls the others).
SERVICES=(drafting:3001 review:3002 secrecy:3003 publication:3004 audit:3005 portal:3100 gateway:3000)

say() { printf '\033[1m%s\033[0m\n' "$*"; }

# Builds every app when a source is newer than its bundle (or a bundle is missing).
build_if_stale() {
  local stale=0 app
  for entry in "${SERVICES[@]}"; do
    app=${entry%%:*}
    if [[ ! -f "$ROOT/dist/apps/$app/main.js" ]]; then stale=1; break; fi
    if [[ -n $(find "$ROOT/apps/$app/src" "$ROOT/libs" -name '*.ts' -newer "$ROOT/dist/apps/$app/main.js" -print -quit) ]]; then
      stale=1
      break
    fi
  done
  if (( stale )); then
    say "Building the services (nest build --all)…"
    (cd "$ROOT" && "$ROOT/node_modules/.bin/nest" build --all)
  fi
  # The staff console (apps/console, served by the gateway at /).
  if [[ ! -f "$ROOT/dist/console/index.html" || -n $(find "$ROOT/apps/console" "$ROOT/libs" -newer "$ROOT/dist/console/index.html" -type f -print -quit) ]]; then
    say "Building the staff console (vite build)…"
    (cd "$ROOT" && "$ROOT/node_modules/.bin/vite" build --config apps/console/vite.config.ts --logLevel warn)
  fi
}
