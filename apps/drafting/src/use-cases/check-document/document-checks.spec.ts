import { reportToContent, sampleReport } from '@sanshen/annual-report';
import { describe, expect, it } from 'vitest';
import { reviseAnnualReportContent } from '../../content/annual-report-content.js';
import { checkAnnualReport } from './document-checks.js';

describe('checkAnnualReport', () => {
  const consistent = reportToContent(sampleReport('2021', 2025));

  it('passes a consistent report with no errors or warnings', () => {
    const check = checkAnnualReport(consistent, null);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.previousReport).toBeNull();
    expect(check.outcomes.find((o) => o.ruleId === 'APP-03')).toEqual({ ruleId: 'APP-03', severity: 'error', status: 'PASS' });
  });

  it('sorts rule findings by severity', () => {
    const content = reviseAnnualReportContent(consistent, {
      cells: { '/reviewLitigation/administrativeReview/total': 5 },
      sections: { otherMatters: `${consistent.sections.otherMatters}联系电话13912345678，的的确确。本年度的的事项。` },
    });
    const check = checkAnnualReport(content, null);
    expect(check.errors.length).toBeGreaterThan(0);
    expect(check.errors.every((f) => f.severity === 'error')).toBe(true);
    expect(check.errors.some((f) => f.cells.includes('/reviewLitigation/administrativeReview/total') && f.table !== null)).toBe(true);
    expect(check.warnings.map((f) => f.ruleId)).toContain('TXT-02');
  });

  it('names last year’s report it compared with', () => {
    const previous = sampleReport('2021', 2024);
    const check = checkAnnualReport(consistent, { documentId: 'd-2024', version: 2, year: 2024, report: previous });
    expect(check.previousReport).toEqual({ documentId: 'd-2024', version: 2, year: 2024 });
    expect(check.outcomes.find((o) => o.ruleId === 'XYR-03')?.status).not.toBe('N/A');
    expect(checkAnnualReport(consistent, null).outcomes.find((o) => o.ruleId === 'XYR-03')?.status).toBe('N/A');
  });
});
