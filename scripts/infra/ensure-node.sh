#!/usr/bin/env bash
# Make the project's dependencies and its Node 24 ready.
#
# Runs `npm ci` when node_modules is missing or package-lock.json is newer than the copy npm
# keeps of it (node_modules/.package-lock.json), then checks that node_modules/.bin/node, the
# Node the project runs on (the `node` devDependency), is v24. npm itself may run on any
# system Node. Quiet when nothing needs doing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

die() { printf 'node: error: %s\n' "$*" >&2; exit 1; }

if [[ ! -d node_modules || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  command -v npm >/dev/null 2>&1 ||
    die "npm not found. Install Node.js with npm (any version; Debian: apt-get install nodejs npm) and run this again."
  printf 'node: installing dependencies (npm ci)\n' >&2
  npm ci --no-audit --no-fund ||
    die "npm ci failed; npm's messages above say why (often: package-lock.json out of step with package.json, or an install script not listed in allowScripts in package.json)."
fi

[[ -x node_modules/.bin/node ]] ||
  die "node_modules/.bin/node is missing: the 'node' devDependency did not install. Remove node_modules and run this again."
version=$(node_modules/.bin/node -v 2>/dev/null) ||
  die "node_modules/.bin/node does not run. Remove node_modules and run this again."
[[ $version == v24.* ]] ||
  die "node_modules/.bin/node is $version, expected v24.x. Remove node_modules and run this again."
