import { reportToContent, sampleReport } from '@sanshen/annual-report';
import type { DocumentStatus } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import type { DocumentVersionOrmEntity } from '../persistence/document-version.orm-entity.js';
import type { DocumentOrmEntity } from '../persistence/document.orm-entity.js';
import type { DocumentRepository } from '../persistence/document.repository.js';
import { PreviousYearReports } from './previous-year-report.js';

function repositoryWith(document: Partial<DocumentOrmEntity> | null): DocumentRepository {
  const content = reportToContent(sampleReport('2021', 2024)) as unknown as Record<string, unknown>;
  const fake = {
    findAnnualReport: (agencyId: string, year: number) =>
      Promise.resolve(document && agencyId === 'agency-1' && year === 2024 ? ({ id: 'doc-2024', version: 3, ...document } as DocumentOrmEntity) : null),
    findVersion: (documentId: string, version: number) =>
      Promise.resolve(documentId === 'doc-2024' && version === 3 ? ({ documentId, version, content } as DocumentVersionOrmEntity) : null),
  };
  // Any other repository method is a test failure.
  return new Proxy(fake, {
    get: (target, key) => {
      if (key in target) return target[key as keyof typeof target];
      throw new Error(`unexpected call to ${String(key)}`);
    },
  }) as unknown as DocumentRepository;
}

describe('PreviousYearReports', () => {
  it.each<[string, DocumentStatus, 'drafted' | 'imported', boolean]>([
    ['a published report', 'published', 'drafted', true],
    ['an imported report, still a draft', 'draft', 'imported', true],
    ['a draft of last year', 'draft', 'drafted', false],
    ['a report still in review', 'pending_l2', 'drafted', false],
  ])('uses %s as last year’s: %s', async (_what, status, origin, used) => {
    const found = await new PreviousYearReports(repositoryWith({ status, origin })).find('agency-1', 2025);
    expect(found === null ? null : { documentId: found.documentId, version: found.version, year: found.year, reportYear: found.report.reportYear }).toEqual(
      used ? { documentId: 'doc-2024', version: 3, year: 2024, reportYear: 2024 } : null,
    );
  });

  it('finds nothing when the agency has no report for last year', async () => {
    expect(await new PreviousYearReports(repositoryWith(null)).find('agency-1', 2025)).toBeNull();
  });
});
