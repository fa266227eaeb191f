import { escapeHtml } from '@sanshen/kernel';
import { Eta } from 'eta';

/** Renders one of a set's templates with its data. */
export type RenderTemplate<Name extends string> = (name: Name, data: object) => string;

/**
 * A set of HTML templates (eta) with auto-escaping: `<%= value %>` is escaped (kernel's escapeHtml;
 * null and undefined render nothing), `<%~ markup %>` embeds markup that is already safe (another
 * template's output, stored sanitized HTML, a constant stylesheet). Templates are strings in code,
 * so the bundled services read no files; whitespace is kept as written. Each template reaches the
 * others by `include('@name', data)`.
 *
 * Why eta directly and not through @fastify/view (12, which supports eta on Fastify 5 and is a peer
 * Nest 12's Fastify adapter accepts): most of these pages never meet a reply — the approval sheet is
 * rendered by review and travels over NATS, the portal's preview goes back to publication, its error
 * pages come from exception filters — and @fastify/view resolves a page name to a file
 * (`<templates>/<name>.eta`), which the rspack bundles would have to ship as assets. One render
 * function serves every caller instead; each response keeps its own headers (the portal's CSP).
 */
export function htmlTemplates<Name extends string>(templates: Record<Name, string>): RenderTemplate<Name> {
  const eta = new Eta({
    autoEscape: true,
    autoTrim: false,
    escapeFunction: (value: unknown) => (value === null || value === undefined ? '' : escapeHtml(String(value))),
  });
  for (const [name, source] of Object.entries<string>(templates)) eta.loadTemplate(`@${name}`, source);
  return (name, data) => eta.render(`@${name}`, data);
}
