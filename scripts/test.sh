#!/usr/bin/env bash
# Runs the whole test suite: lint, type check, unit tests, build, integration tests against the real
# PostgreSQL, NATS JetStream and Redis, the end-to-end suite with every service as its own process, and
# the resilience suite (each file on its own PostgreSQL, NATS and Redis, which it restarts and restores).
# Installs what it needs first (npm ci, the infrastructure). Each run gets its own database, stream
# and key namespace, so it never touches a running demo or another run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/infra/ensure-node.sh
bash scripts/infra/ensure.sh
bash scripts/infra/ensure-chromium.sh
mkdir -p "$RUN_DIR/test-reports"
rm -f "$RUN_DIR"/test-reports/*.json

say "Lint (import cycles, app boundaries, pure libs)…"
"$ROOT/node_modules/.bin/eslint" --max-warnings 0 .
say "Type check…"
"$ROOT/node_modules/.bin/tsc" -p tsconfig.json --noEmit
"$ROOT/node_modules/.bin/tsc" -p apps/console/tsconfig.json --noEmit

status=0
run_project() {
  local project=$1
  say "Tests: $project…"
  "$ROOT/node_modules/.bin/vitest" run --project "$project" \
    --reporter=default --reporter=json --outputFile.json="$RUN_DIR/test-reports/$project.json" || status=1
}

run_project unit
say "Building the services and the staff console…"
"$ROOT/node_modules/.bin/nest" build --all > "$RUN_DIR/build.log" 2>&1 || { cat "$RUN_DIR/build.log"; exit 1; }
"$ROOT/node_modules/.bin/vite" build --config apps/console/vite.config.ts >> "$RUN_DIR/build.log" 2>&1 || { cat "$RUN_DIR/build.log"; exit 1; }
run_project integration
run_project e2e
# The console in Chromium; a screenshot per step in .run/browser-screenshots/.
rm -rf "$RUN_DIR/browser-screenshots"
run_project browser
run_project resilience

# One closing line over all projects, in the plain 'N passed, N failed' form.
"$NODE" -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const file of fs.readdirSync(process.argv[1])) {
  const report = JSON.parse(fs.readFileSync(`${process.argv[1]}/${file}`, "utf8"));
  passed += report.numPassedTests; failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$RUN_DIR/test-reports"
exit $status
