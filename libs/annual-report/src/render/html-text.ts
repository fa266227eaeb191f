const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * The text of a report page rendered by renderReportHtml, laid out the way table extractors give
 * it: one line per block or table row, tab-separated cells, an empty data cell written as "—"
 * so that blank cells keep their column. Meant for our own HTML, not arbitrary pages.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/gi, '')
    .replace(/<td[^>]*>\s*<\/td>/gi, '<td>—</td>')
    .replace(/<\/t[hd]>\s*(?=<t[hd][\s>])/gi, '\t')
    .replace(/<\/(?:p|h1|h2|h3|tr|caption|div|li|section)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e])
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n');
}
