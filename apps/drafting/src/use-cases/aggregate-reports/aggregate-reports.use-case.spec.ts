import { reportToContent, sampleReport } from '@sanshen/annual-report';
import { DomainError } from '@sanshen/kernel';
import type { Actor, DocumentStatus } from '@sanshen/kernel';
import { describe, expect, it } from 'vitest';
import type { DocumentVersionOrmEntity } from '../../persistence/document-version.orm-entity.js';
import type { DocumentOrmEntity } from '../../persistence/document.orm-entity.js';
import type { DocumentRepository } from '../../persistence/document.repository.js';
import { AggregateReportsUseCase } from './aggregate-reports.use-case.js';

const principal: Actor = {
  userId: 'u-principal',
  agencyId: 'a-gx',
  agencyName: '海东市工业和信息化局',
  departmentId: null,
  roles: ['principal'],
  oversees: [],
  displayName: '主要领导',
};

function document(id: string, agencyId: string, agencyName: string, status: DocumentStatus, origin: 'drafted' | 'imported'): DocumentOrmEntity {
  return { id, agencyId, agencyName, status, origin, version: 1, kind: 'annual_report', year: 2025 } as DocumentOrmEntity;
}

const good = reportToContent(sampleReport('2021', 2025));
const broken = reportToContent(sampleReport('2021', 2025));
broken.tables.applications.newReceived.naturalPerson = (broken.tables.applications.newReceived.naturalPerson ?? 0) + 5;

const documents = [
  document('d-gx', 'a-gx', '海东市工业和信息化局', 'published', 'drafted'),
  document('d-zw', 'a-zw', '海东市政务服务监督管理局', 'draft', 'imported'),
  document('d-pp', 'a-pp', '海东市地方品牌产业培育促进局', 'pending_l2', 'drafted'),
];
const contents: Record<string, unknown> = { 'd-gx': good, 'd-zw': broken };

const repository = {
  findAnnualReportsOfYear: (year: number) => Promise.resolve(year === 2025 ? documents : []),
  findVersion: (documentId: string) => Promise.resolve({ documentId, version: 1, content: contents[documentId] } as DocumentVersionOrmEntity),
} as unknown as DocumentRepository;

describe('AggregateReportsUseCase', () => {
  it('sums the final reports and lists the missing and the failing', async () => {
    const view = await new AggregateReportsUseCase(repository).execute(principal, {
      year: 2025,
      expectedAgencies: [
        { id: 'a-gx', name: '海东市工业和信息化局' },
        { id: 'a-new', name: '海东市新设局' },
      ],
    });
    expect(view.format).toBe('2021');
    // Another agency's report is named by its agency only unless it is published (its id and state do not leak).
    expect(view.included.map((i) => [i.agencyId, i.documentId])).toEqual([
      ['a-gx', 'd-gx'],
      ['a-zw', undefined],
    ]);
    const natural = (view.tables as typeof good.tables).applications.newReceived.naturalPerson;
    expect(natural).toBe((good.tables.applications.newReceived.naturalPerson ?? 0) * 2 + 5);
    expect(view.missing).toEqual([
      { agencyId: 'a-pp', agencyName: '海东市地方品牌产业培育促进局', reason: '报告尚未发布' },
      { agencyId: 'a-new', agencyName: '海东市新设局', reason: '未提交年度报告' },
    ]);
    expect(view.failing).toEqual([{ agencyId: 'a-zw', agencyName: '海东市政务服务监督管理局', ruleIds: expect.arrayContaining(['APP-03']) }]);
  });

  it.each([['drafter'], ['admin'], ['auditor']] as const)('refuses a %s (the 三员 roles read no report content)', async (role) => {
    await expect(new AggregateReportsUseCase(repository).execute({ ...principal, roles: [role] }, { year: 2025 })).rejects.toThrow(DomainError);
  });
});
