import { readCell, sampleReport, tablesOf } from '@sanshen/annual-report';
import type { AnnualReport, ReportSections } from '@sanshen/annual-report';
import type { Page } from 'playwright-core';

/** The labels of the report's prose fields in the editor. */
export const SECTION_LABELS: Record<keyof ReportSections, string> = {
  intro: '引言',
  overall: '总体情况正文',
  activeDisclosureNotes: '主动公开情况说明',
  applicationsNotes: '依申请公开情况说明',
  reviewLitigationNotes: '行政复议、行政诉讼情况说明',
  problemsAndImprovements: '存在的主要问题及改进情况正文',
  otherMatters: '其他需要报告的事项正文',
};

/** Pastes a row of numbers into the cell at `pointer` (a clipboard paste, as from a spreadsheet). */
export async function pasteRow(page: Page, pointer: string, values: (number | null)[]): Promise<void> {
  const cell = page.locator(`input[data-pointer="${pointer}"]`);
  await cell.focus();
  await cell.evaluate((node, text) => {
    // In the page: the browser's own DataTransfer and ClipboardEvent (no DOM typings in this Node program).
    const element = node as unknown as { ownerDocument: { defaultView: unknown }; dispatchEvent(event: unknown): boolean };
    const page = element.ownerDocument.defaultView as {
      DataTransfer: new () => { setData(type: string, data: string): void };
      ClipboardEvent: new (type: string, init: object) => Event;
    };
    const data = new page.DataTransfer();
    data.setData('text/plain', text);
    element.dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, values.map((value) => value ?? '').join('\t'));
}

/**
 * This year's figures as the drafter has them: a consistent sample, around the carried-over cells the
 * editor prefilled from last year's report (上年结转 changes what is carried forward).
 */
export function thisYearsFigures(year: number, carried: Record<string, number | null>): AnnualReport {
  const report = sampleReport('2019', year);
  const apps = report.applications as unknown as Record<string, Record<string, number | null>>;
  const keys = Object.keys(apps.newReceived!).filter((key) => key !== 'total');
  for (const key of keys) {
    const carry = carried[`/applications/carriedOverFromPreviousYear/${key}`] ?? 0;
    const delta = carry - (apps.carriedOverFromPreviousYear![key] ?? 0);
    apps.carriedOverFromPreviousYear![key] = carry;
    const forward = (apps.carriedForwardToNextYear![key] ?? 0) + delta;
    apps.carriedForwardToNextYear![key] = Math.max(0, forward);
    if (forward < 0) apps.newReceived![key] = (apps.newReceived![key] ?? 0) - forward;
  }
  // 2019 format: 本年增/减 cannot take a project count carried over from last year below zero.
  const active = report.activeDisclosure as unknown as Record<string, Record<string, Record<string, number | null>>>;
  for (const [item, rows] of Object.entries(active)) {
    for (const [key, row] of Object.entries(rows)) {
      const previous = carried[`/activeDisclosure/${item}/${key}/previousYearCount`];
      if (typeof previous === 'number' && typeof row.changeThisYear === 'number') row.changeThisYear = Math.max(row.changeThisYear, -previous);
    }
  }
  for (const row of ['newReceived', 'carriedOverFromPreviousYear', 'carriedForwardToNextYear']) {
    apps[row]!.total = keys.reduce((sum, key) => sum + (apps[row]![key] ?? 0), 0);
  }
  return report;
}

/** Types the figures into every table by pasting row after row; prefilled cells are left as they are. */
export async function enterFigures(page: Page, report: AnnualReport, prefilled: Set<string>): Promise<void> {
  for (const table of tablesOf(report.format)) {
    for (const row of table.rows) {
      const pointers = table.columns.map((column) => `${row.pointer}/${column.key}`);
      const first = pointers.findIndex((pointer) => !prefilled.has(pointer));
      if (first < 0) continue;
      const values = pointers.slice(first).map((pointer) => readCell(report, pointer) ?? null);
      if (values.length === 1) await page.locator(`input[data-pointer="${pointers[first]}"]`).fill(String(values[0] ?? ''));
      else await pasteRow(page, pointers[first]!, values);
    }
  }
}
