/** Keeps `head` leading and `tail` trailing characters, stars in between (6301**********1234). */
export function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/** zhangsan@163.com → zh***@163.com */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const kept = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${kept}***${address.slice(at)}`;
}
