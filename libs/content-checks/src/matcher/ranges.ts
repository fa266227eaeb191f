export interface Range {
  start: number;
  end: number;
}

/**
 * A predicate "is [start, end) inside one of `ranges`?", answered in O(log n) per question
 * after an O(n log n) build.
 */
export function insideAny(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const reach = reachBefore(ranges);
  return (start, end) => reach(start) >= end;
}

/** A predicate "does [start, end) share at least one character with one of `ranges`?". */
export function overlapsAny(ranges: readonly Range[]): (start: number, end: number) => boolean {
  const reach = reachBefore(ranges);
  return (start, end) => reach(end - 1) > start;
}

/**
 * For a position p: the furthest end among ranges starting at or before p (inclusive) — or -1.
 */
function reachBefore(ranges: readonly Range[]): (position: number) => number {
  if (ranges.length === 0) return () => -1;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts = Int32Array.from(sorted, (r) => r.start);
  const maxEnd = new Int32Array(sorted.length);
  let running = -1;
  sorted.forEach((r, i) => {
    running = Math.max(running, r.end);
    maxEnd[i] = running;
  });
  return (position) => {
    let lo = 0;
    let hi = starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= position) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 ? maxEnd[last] : -1;
  };
}

/** Leftmost-longest selection of non-overlapping ranges. */
export function leftmostLongest<T extends Range>(ranges: readonly T[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: T[] = [];
  let reached = -1;
  for (const range of sorted) {
    if (range.start < reached) continue;
    chosen.push(range);
    reached = range.end;
  }
  return chosen;
}
