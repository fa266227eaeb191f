# Measures a bound: builds this checkout's HEAD with one or more of the patches beside this script
# applied, in a temporary git worktree, and runs the system benchmark there with the arguments that
# follow them. The report goes to .run/bench-bounds/<patches>-<time>.md; this checkout's
# docs/benchmarks.md is left as it is.
#
#   bash bench/system/bounds/run.sh bench/system/bounds/without-three-projections.patch --only=approvals --reviewers=32
#   bash bench/system/bounds/run.sh bench/system/bounds/without-three-projections.patch bench/system/bounds/without-hand-over.patch --only=approvals --reviewers=1
#
# Needs what `npm run bench:system` needs (node_modules installed, PostgreSQL, NATS and Redis running).
# Run the same arguments on HEAD itself (`npm run bench:system -- …`) before and after, alternating:
# on a shared machine one run of each says little.
set -euo pipefail
patches=()
while [[ $# -gt 0 && $1 == *.patch ]]; do
  [[ -f $1 ]] || { echo "no such patch: $1" >&2; exit 2; }
  patches+=("$(realpath "$1")")
  shift
done
[[ ${#patches[@]} -gt 0 ]] || { echo "usage: $0 <patch> [<patch> …] [bench:system arguments]" >&2; exit 2; }
ROOT=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
name=$(for patch in "${patches[@]}"; do basename "$patch" .patch; done | paste -sd+)
dir=$(mktemp -d)
git -C "$ROOT" worktree add -q --detach "$dir/tree" HEAD
trap 'git -C "$ROOT" worktree remove --force "$dir/tree"; rm -rf "$dir"' EXIT
git -C "$dir/tree" apply "${patches[@]}"
ln -s "$ROOT/node_modules" "$dir/tree/node_modules"
cd "$dir/tree"
export PATH="$ROOT/node_modules/.bin:$PATH"
echo "bounds: building HEAD with $name applied…" >&2
nest build --all > "$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
status=0
node scripts/bench-system.mjs "$@" || status=$?
mkdir -p "$ROOT/.run/bench-bounds"
report="$ROOT/.run/bench-bounds/$name-$(date +%Y%m%dT%H%M%S).md"
cp docs/benchmarks.md "$report"
echo "bounds: report in $report" >&2
exit $status
