import { PUBLICATION_RPC, SECRECY_RPC } from '@sanshen/contracts';
import type { ApprovalSheetRequest, RpcRequest } from '@sanshen/contracts';
import { DomainError, LEVEL_LABELS } from '@sanshen/kernel';
import type { ServiceClient } from '@sanshen/platform';
import { describe, expect, it } from 'vitest';
import type { RecordedSignature, ReviewCase } from '../../domain/review-case.js';
import { DOC, person, recordingLogger, reviewCase, reviewsWith, signature } from '../review-case.fixture.js';
import { GetApprovalSheetUseCase } from './get-approval-sheet.use-case.js';

const HASH = `sha256:${'a'.repeat(64)}`;
const secrecyReview = { status: 'published', decision: { version: 2, contentHash: HASH, conclusion: 'cleared', basis: '无涉密', opinion: '同意公开', reviewerName: '保密员', decidedAt: '2026-01-11T00:00:00Z' } };
const publication = { version: 2, receipt: { url: 'https://portal.example/doc', publishedAt: '2026-01-12T00:00:00Z', contentHash: HASH } };

/** Version 2's decisions: 一审 signed, voided by 二审's 驳回上一级, signed again by a delegate; then 二审 and 三审. */
const decisions: RecordedSignature[] = [
  signature(1, 'approved'),
  signature(2, 'returned_previous', { comment: '请复核', signedAt: new Date('2026-01-07T01:00:00Z') }),
  signature(1, 'approved', { signerId: 'stand-in', signerName: '代理人', onBehalfOfId: 'head', onBehalfOfName: '科长', signedAt: new Date('2026-01-08T00:00:00Z') }),
  signature(2, 'approved', { signedAt: new Date('2026-01-09T00:00:00Z') }),
  signature(3, 'approved', { signedAt: new Date('2026-01-10T00:00:00Z') }),
  signature(3, 'approved', { signerId: 'stale', contentHash: 'sha256:other' }),
];
const earlier = signature(2, 'returned', { version: 1, contentHash: 'sha256:v1', comment: '数据有误' });

type Replies = Record<string, unknown>;

const found: Replies = { [SECRECY_RPC.get]: secrecyReview, [PUBLICATION_RPC.get]: publication };

function sheetOf(current: ReviewCase | null, replies = found, recorded = decisions) {
  const asked: [string, RpcRequest<unknown>][] = [];
  const reviews = reviewsWith({
    findCase: async () => current,
    decisionsOf: async (_documentId, version) => recorded.filter((decision) => decision.version === version).concat(version === 1 ? [earlier] : []),
    returnsBefore: async (_documentId, version) => (version > 1 ? [earlier] : []),
  });
  const services = {
    send: async (pattern: string, request: RpcRequest<unknown>) => {
      asked.push([pattern, request]);
      const reply = replies[pattern];
      if (reply instanceof Error) throw reply;
      return reply;
    },
  } as unknown as ServiceClient;
  const { logger, warnings } = recordingLogger();
  const useCase = new GetApprovalSheetUseCase(reviews, services, logger);
  const get = (request: Partial<ApprovalSheetRequest> = {}) => useCase.execute(person('clerk', ['drafter']), { documentId: DOC, format: 'json', ...request }, 'c-1');
  return { get, asked, warnings };
}

describe('GetApprovalSheetUseCase', () => {
  it('shows the standing signature of each level, every decision on this content, earlier returns, secrecy and publication', async () => {
    const { get, asked } = sheetOf(reviewCase('published'));
    const { sheet, html } = await get({ names: { departmentName: '办公室', column: '通知公告' } });
    expect(sheet.levels.map((level) => [level.level, level.signedAs, level.signedAt])).toEqual([
      [1, '代理人 代 科长', '2026-01-08T00:00:00.000Z'],
      [2, '审核人2', '2026-01-09T00:00:00.000Z'],
      [3, '审核人3', '2026-01-10T00:00:00.000Z'],
    ]);
    expect(sheet.levels[0]).toMatchObject({ label: LEVEL_LABELS[1], onBehalfOf: { userId: 'head', displayName: '科长' } });
    expect(sheet.history.map((entry) => `${entry.decision} l${entry.level}`)).toEqual(['approved l1', 'returned_previous l2', 'approved l1', 'approved l2', 'approved l3']);
    expect(sheet.earlierReturns).toEqual([expect.objectContaining({ version: 1, decision: 'returned', opinion: '数据有误' })]);
    expect(sheet).toMatchObject({
      agencyName: '测试局',
      version: 2,
      contentHash: HASH,
      status: 'published',
      departmentName: '办公室',
      column: '通知公告',
      drafter: { userId: 'author', displayName: '起草人' },
      secrecy: { conclusion: 'cleared', reviewerName: '保密员' },
      publication: publication.receipt,
    });
    expect(html).toBeNull();
    expect(asked.map(([pattern, request]) => [pattern, request.actor?.userId, request.correlationId, request.payload])).toEqual([
      [SECRECY_RPC.get, 'clerk', 'c-1', { documentId: DOC }],
      [PUBLICATION_RPC.get, 'clerk', 'c-1', { documentId: DOC }],
    ]);
  });

  it('shows no standing signature for a level whose approval the level above sent back', async () => {
    const { sheet } = await sheetOf(reviewCase('pending_l1'), found, decisions.slice(0, 2)).get();
    expect(sheet.levels).toEqual([]);
    expect(sheet.history).toHaveLength(2);
  });

  it('renders the printable page when asked for html', async () => {
    const { html } = await sheetOf(reviewCase('published')).get({ format: 'html' });
    expect(html).toContain('标题');
  });

  it('shows an earlier version with its own content, without the later secrecy decision and receipt', async () => {
    const { sheet } = await sheetOf(reviewCase('published')).get({ version: 1 });
    expect(sheet).toMatchObject({ version: 1, contentHash: 'sha256:v1', levels: [], secrecy: null, publication: null, earlierReturns: [] });
  });

  it('leaves out what the other services do not have, and what they cannot answer now (logged)', async () => {
    const missing = sheetOf(reviewCase('pending_l3'), { [SECRECY_RPC.get]: new DomainError('DOCUMENT.NOT_FOUND'), [PUBLICATION_RPC.get]: new DomainError('DOCUMENT.NOT_FOUND') });
    expect((await missing.get()).sheet).toMatchObject({ status: 'pending_l3', secrecy: null, publication: null });
    expect(missing.warnings).toEqual([]);
    const down = sheetOf(reviewCase('pending_l3'), { [SECRECY_RPC.get]: new Error('timeout'), [PUBLICATION_RPC.get]: new Error('timeout') });
    expect((await down.get()).sheet).toMatchObject({ secrecy: null, publication: null });
    expect(down.warnings).toEqual(['approval sheet: part unavailable', 'approval sheet: part unavailable']);
  });

  it('names no drafter it does not know: the submitter was someone else', async () => {
    const { sheet } = await sheetOf(reviewCase('pending_l1', { submitterId: 'secretary', submitterName: '秘书' })).get();
    expect(sheet.drafter).toEqual({ userId: 'author', displayName: '' });
  });

  it.each([
    ['an unknown document', null, {}],
    ['another agency’s document', reviewCase('published', { agencyId: 'a-2' }), {}],
    ['a version never reviewed', reviewCase('published'), { version: 7 }],
  ])('answers %s with DOCUMENT.NOT_FOUND', async (_label, current, request) => {
    await expect(sheetOf(current).get(request)).rejects.toMatchObject({ code: 'DOCUMENT.NOT_FOUND', kind: 'not_found' });
  });
});

