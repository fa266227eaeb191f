import { cellsOf, readCell, writeCell } from '../model/cells.js';
import type { AnnualReport } from '../model/report.js';

export interface JsonOptions {
  /** Write blank cells as 0 and list them in source.blankCells (the schema's blank-as-zero convention). */
  blankAsZero?: boolean;
}

/**
 * The report as a JSON value shaped like report.schema.json. Blank cells stay null unless
 * `blankAsZero`, in which case they become 0 and are listed as JSON Pointers in source.blankCells.
 */
export function toReportJson(report: AnnualReport, options: JsonOptions = {}): Record<string, unknown> {
  const copy = structuredClone(report);
  const blankCells = options.blankAsZero ? cellsOf(copy.format).filter((c) => readCell(copy, c.pointer) === null).map((c) => c.pointer) : [];
  for (const pointer of blankCells) writeCell(copy, pointer, 0);
  const sections = Object.fromEntries(
    Object.entries(copy.sections).filter(([key, text]) => text !== '' || ['overall', 'problemsAndImprovements', 'otherMatters'].includes(key)),
  );
  const json: Record<string, unknown> = {
    schemaVersion: '1',
    format: copy.format,
    reportYear: copy.reportYear,
    title: copy.title,
    agency: copy.agency,
    sections,
    activeDisclosure: copy.activeDisclosure,
    applications: copy.applications,
    reviewLitigation: copy.reviewLitigation,
  };
  if (copy.statisticsPeriod !== undefined) json['statisticsPeriod'] = copy.statisticsPeriod;
  if (copy.signatureDate !== undefined) json['signatureDate'] = copy.signatureDate;
  if (copy.publicationDate !== undefined) json['publicationDate'] = copy.publicationDate;
  const ambiguousCells = copy.extraction?.ambiguousCells ?? {};
  const source: Record<string, unknown> = {};
  if (blankCells.length > 0) source['blankCells'] = blankCells;
  if (Object.keys(ambiguousCells).length > 0) source['ambiguousCells'] = ambiguousCells;
  if (Object.keys(source).length > 0) json['source'] = source;
  return json;
}
