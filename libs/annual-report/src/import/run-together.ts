/**
 * All ways to cut a digit string into `count` non-negative integers without leading zeros that
 * satisfy `accept` (RULES.md §1.13: "120030015" = 12/0/0/3/0/0/15 under c1+…+c6 = c7).
 * Stops after `limit` solutions: callers only need to know unique vs ambiguous.
 */
export function splitRunTogether(digits: string, count: number, accept: (parts: number[]) => boolean, limit = 2): number[][] {
  const solutions: number[][] = [];
  const parts: number[] = [];
  const walk = (at: number): void => {
    if (solutions.length >= limit) return;
    const left = count - parts.length;
    if (left === 0) {
      if (at === digits.length && accept(parts)) solutions.push([...parts]);
      return;
    }
    const remaining = digits.length - at;
    if (remaining < left) return;
    const maxLength = digits[at] === '0' ? 1 : remaining - (left - 1);
    for (let length = 1; length <= maxLength; length += 1) {
      parts.push(Number(digits.slice(at, at + length)));
      walk(at + length);
      parts.pop();
    }
  };
  if (/^\d+$/.test(digits)) walk(0);
  return solutions;
}

export const sumsTo = (parts: number[], items: readonly number[], total: number): boolean =>
  items.reduce((s, i) => s + parts[i], 0) === parts[total];
