/** One occurrence of pattern number `pattern` at [start, end) of the searched text. */
export interface PatternMatch {
  start: number;
  end: number;
  pattern: number;
}

/**
 * A compiled multi-pattern matcher (Aho–Corasick over UTF-16 code units). Build it once per
 * pattern set and reuse it: searching is linear in the text plus the number of matches.
 */
export interface PatternMatcher {
  readonly patternCount: number;
  /** Every occurrence of every pattern, overlapping ones included, ordered by end offset. */
  findAll(text: string): PatternMatch[];
}

const ROOT = 0;
const LINEAR_SCAN_LIMIT = 8;

/**
 * Compiles the patterns. Empty patterns are ignored; a pattern repeated is reported under its
 * first index only.
 */
export function compilePatterns(patterns: readonly string[]): PatternMatcher {
  // 1. The trie, with a Map per node while building.
  const children: Map<number, number>[] = [new Map()];
  const depth: number[] = [0];
  const output: number[] = [-1];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let node = ROOT;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = children[node].get(code);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        depth.push(depth[node] + 1);
        output.push(-1);
        children[node].set(code, next);
      }
      node = next;
    }
    if (output[node] === -1) output[node] = index;
  });
  const nodeCount = children.length;

  // 2. Flat, sorted child tables (root gets a direct 64K table).
  const rootNext = new Int32Array(0x10000);
  for (const [code, child] of children[ROOT]) rootNext[code] = child;
  const childStart = new Int32Array(nodeCount + 1);
  let total = 0;
  for (let node = 0; node < nodeCount; node++) {
    childStart[node] = total;
    if (node !== ROOT) total += children[node].size;
  }
  childStart[nodeCount] = total;
  const childCode = new Uint16Array(total);
  const childNode = new Int32Array(total);
  for (let node = 1; node < nodeCount; node++) {
    const sorted = [...children[node]].sort((a, b) => a[0] - b[0]);
    let at = childStart[node];
    for (const [code, child] of sorted) {
      childCode[at] = code;
      childNode[at++] = child;
    }
  }

  const step = (node: number, code: number): number => {
    if (node === ROOT) return rootNext[code];
    let lo = childStart[node];
    let hi = childStart[node + 1];
    if (hi - lo <= LINEAR_SCAN_LIMIT) {
      for (; lo < hi; lo++) if (childCode[lo] === code) return childNode[lo];
      return -1;
    }
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = childCode[mid];
      if (c === code) return childNode[mid];
      if (c < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };

  // 3. Failure links and dictionary-suffix links, breadth first.
  const fail = new Int32Array(nodeCount);
  const outLink = new Int32Array(nodeCount).fill(-1);
  const queue: number[] = [];
  for (const child of children[ROOT].values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const f = fail[node];
    outLink[node] = output[f] !== -1 ? f : outLink[f];
    for (const [code, child] of children[node]) {
      let candidate = f;
      let target = -1;
      for (;;) {
        target = step(candidate, code);
        if (target > 0 || candidate === ROOT) break;
        candidate = fail[candidate];
      }
      fail[child] = target > 0 ? target : ROOT;
      queue.push(child);
    }
  }
  const patternOf = Int32Array.from(output);
  const depthOf = Int32Array.from(depth);

  return {
    patternCount: patterns.length,
    findAll(text: string): PatternMatch[] {
      const matches: PatternMatch[] = [];
      let node = ROOT;
      for (let i = 0, n = text.length; i < n; i++) {
        const code = text.charCodeAt(i);
        for (;;) {
          if (node === ROOT) {
            node = rootNext[code];
            break;
          }
          const next = step(node, code);
          if (next >= 0) {
            node = next;
            break;
          }
          node = fail[node];
        }
        let hit = patternOf[node] !== -1 ? node : outLink[node];
        while (hit > 0) {
          matches.push({ start: i + 1 - depthOf[hit], end: i + 1, pattern: patternOf[hit] });
          hit = outLink[hit];
        }
      }
      return matches;
    },
  };
}
