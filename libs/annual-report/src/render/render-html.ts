import type { AnnualReport, ReportSections, SectionId } from '../model/report.js';
import { escapeHtml } from '@sanshen/kernel';
import { activeDisclosureHtml, applicationsHtml, reviewHtml } from './html-tables.js';

const STYLE = `
body { font-family: "FangSong", "仿宋", "SimSun", serif; line-height: 1.8; margin: 2em auto; max-width: 60em; }
h1 { font-family: "SimHei", "黑体", sans-serif; text-align: center; font-size: 1.6em; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 1.2em; }
p { text-indent: 2em; margin: 0.3em 0; }
p.signature { text-align: right; text-indent: 0; }
table.stat { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.9em; }
table.stat caption { text-align: left; font-weight: bold; }
table.stat th, table.stat td { border: 1px solid #000; padding: 0.2em 0.4em; text-align: center; }
table.stat td { min-width: 2.5em; }
table.stat td.ambiguous { background: #fff3cd; outline: 2px dashed #b8860b; }
@media print {
  @page { size: A4; margin: 2.5cm 2cm; }
  body { margin: 0; max-width: none; font-size: 12pt; }
  table.stat { page-break-inside: auto; }
  table.stat tr { page-break-inside: avoid; }
  table.stat thead { display: table-header-group; }
  h2 { page-break-after: avoid; }
}`;

const PROSE: Record<SectionId, keyof ReportSections> = {
  overall: 'overall',
  activeDisclosure: 'activeDisclosureNotes',
  applications: 'applicationsNotes',
  reviewLitigation: 'reviewLitigationNotes',
  problemsAndImprovements: 'problemsAndImprovements',
  otherMatters: 'otherMatters',
};

const paragraphs = (text: string, className = ''): string =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `<p${className === '' ? '' : ` class="${className}"`}>${escapeHtml(line)}</p>`)
    .join('\n');

const chineseDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

function tableOf(report: AnnualReport, section: SectionId): string {
  switch (section) {
    case 'activeDisclosure':
      return activeDisclosureHtml(report);
    case 'applications':
      return applicationsHtml(report);
    case 'reviewLitigation':
      return reviewHtml(report);
    default:
      return '';
  }
}

/** The report's body — intro, the sections in heading order with their tables, the signature — without the title. */
function reportBody(report: AnnualReport): string[] {
  const sections = report.headings
    .map((heading) => {
      const body = [paragraphs(report.sections[PROSE[heading.section]]), tableOf(report, heading.section)].filter((p) => p !== '');
      return `<section>\n<h2>${escapeHtml(heading.text)}</h2>\n${body.join('\n')}\n</section>`;
    })
    .join('\n');
  const closing = [
    report.signatureDate === undefined ? '' : paragraphs(`${report.agency.name}\n${chineseDate(report.signatureDate)}`, 'signature'),
    report.publicationDate === undefined ? '' : paragraphs(`${chineseDate(report.publicationDate)}印发`, 'signature'),
  ].filter((p) => p !== '');
  return [paragraphs(report.sections.intro), sections, ...closing].filter((line) => line !== '');
}

/**
 * The report as an HTML fragment for a page that shows the title itself (the portal): an
 * `<article>` with the intro, the sections and the national tables (merged header cells, `<th scope>`)
 * and the signature; no `<h1>`, no stylesheet. `importReportHtml` reads it back like the whole page.
 */
export function renderReportFragment(report: AnnualReport): string {
  return ['<article class="annual-report">', ...reportBody(report), '</article>'].join('\n');
}

/**
 * The whole report as a standalone HTML page in the national layout (print-ready, lang zh-CN).
 *
 * Not a template engine (issue #16): the page is the national tables, whose merged header cells and
 * row groups are computed from the grid definitions (html-tables.ts), plus paragraphs; a template
 * would only hold this page's shell. The lib is pure, so it cannot share the services' template set
 * (libs/platform); every value already passes one escaping helper (`th`, `plainTd`, `paragraphs`);
 * and these bytes are what publication pushes for a signed version (the same version must render
 * the same page), which a change of engine would put at risk for no gain.
 */
export function renderReportHtml(report: AnnualReport): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<article class="annual-report">',
    `<h1>${escapeHtml(report.title)}</h1>`,
    ...reportBody(report),
    '</article>',
    '</body>',
    '</html>',
  ].join('\n');
}
