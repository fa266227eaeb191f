import { escapeHtml } from '@sanshen/kernel';
/** Markup that is already safe to embed: built by `html` below, or sanitized on receipt. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

export { escapeHtml };

/**
 * Template tag for every page: each interpolated value is escaped, except SafeHtml (nested templates
 * and the stored, sanitized body); arrays are joined; null, undefined and false render nothing.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Only for HTML the portal sanitized itself when it stored the page. */
export function sanitized(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });

/** 2026年11月21日 (Beijing time). */
export function chineseDate(at: Date): string {
  return DATE.format(at);
}

/** A machine-readable date for people: `<time datetime="…">2026年11月21日</time>`. */
export function dateTag(at: Date): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${chineseDate(at)}</time>`;
}
