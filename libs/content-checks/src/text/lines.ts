/** The line (without its line break) that contains offset `at`. */
export function lineAround(text: string, at: number): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  const end = next === -1 ? text.length : next;
  return { start, end, text: text.slice(start, end) };
}
