import { describe, expect, it } from 'vitest';
import type { DocumentVersionView, PortalPush } from '@sanshen/contracts';
import { contentHashOf, DomainError } from '@sanshen/kernel';
import type { PublicationOrmEntity } from '../../persistence/publication.orm-entity.js';
import { AGENCY, CATALOGUE_ENTRY, DEPT, DOC, publication, publicationHarness } from '../publication.fixture.js';
import type { PublicationWorld } from '../publication.fixture.js';
import type { PortalPushOutcome } from './portal-target.js';
import { HASH_MISMATCH_REASON, PushPublicationUseCase } from './push-publication.use-case.js';
import type { PushCommand } from './push-publication.use-case.js';

const content = { title: '关于开展检查的通知', column: '通知公告', body: '<p>正文</p>' };
const HASH = contentHashOf(content);
const publishing = (changes: Partial<PublicationOrmEntity> = {}) => publication('publishing', { contentHash: HASH, causeEventId: 'ev-start', ...changes });
const signedVersion = (changes: Partial<DocumentVersionView> = {}): DocumentVersionView => ({
  documentId: DOC,
  version: 1,
  contentHash: HASH,
  kind: 'article',
  title: content.title,
  agencyId: AGENCY,
  agencyName: '机关',
  departmentId: DEPT,
  authorId: 'author',
  content,
  createdAt: '2026-11-01T00:00:00.000Z',
  ...changes,
});
const RECEIPT: PortalPushOutcome = { ok: true, httpStatus: 201, receipt: { url: 'http://portal/items/x', publishedAt: '2026-11-22T01:00:00.000Z', contentHash: HASH } };
const DOWN: PortalPushOutcome = { ok: false, kind: 'retryable', httpStatus: 503, error: 'down' };
const command = (changes: Partial<PushCommand> = {}): PushCommand => ({ publicationId: 'pub-1', run: 0, jobId: 'job-1', correlationId: 'c-1', lastAttempt: false, ...changes });

function push(world: PublicationWorld, outcome: PortalPushOutcome = RECEIPT) {
  const pushes: PortalPush[] = [];
  const harness = publicationHarness({
    version: signedVersion(),
    ...world,
    portal: {
      push: async (sent) => {
        pushes.push(sent);
        harness.log.push(`portal push ${sent.publicationId}`);
        return outcome;
      },
    },
  });
  const { dataSource, publications, transition, drafting, portal, logger } = harness;
  return { ...harness, pushes, useCase: new PushPublicationUseCase(dataSource, publications, transition, drafting, portal, logger) };
}

describe('PushPublicationUseCase', () => {
  it('pushes the signed version and, on a receipt, publishes: the attempt and document.published in one transaction', async () => {
    const { useCase, log, outbox, pushes, current } = push({ current: publishing() });
    expect(await useCase.execute(command())).toEqual({ kind: 'published', url: 'http://portal/items/x' });
    expect(log).toEqual([
      'drafting.getVersion as system',
      'drafting.catalogueAssign as system',
      'portal push pub-1',
      'transition publishing→published seq 9',
      'attempt succeeded 201',
      'emit document.published #9',
      'published',
    ]);
    expect(pushes[0]).toMatchObject({ documentId: DOC, version: 1, contentHash: HASH, agency: { id: AGENCY, name: '机关' }, html: '<p>正文</p>' });
    // The 公开目录 entry drafting assigned goes along, without drafting's bookkeeping; the column shown is its name.
    const { documentId: _document, assignedAt: _assigned, ...catalogue } = CATALOGUE_ENTRY;
    expect(pushes[0]).toMatchObject({ column: '通知公告', catalogue });
    expect(pushes[0]?.catalogue).not.toHaveProperty('assignedAt');
    expect(outbox.emitted[0]).toMatchObject({ causationId: 'ev-start', actor: { userId: 'system' }, payload: { url: 'http://portal/items/x', publishedAt: '2026-11-22T01:00:00.000Z' } });
    expect(current()).toMatchObject({ receiptUrl: 'http://portal/items/x', receiptContentHash: HASH });
  });

  it('records a retryable failure and asks for a retry while attempts remain; nothing moves', async () => {
    const { useCase, log, outbox } = push({ current: publishing() }, DOWN);
    expect(await useCase.execute(command())).toEqual({ kind: 'retry', error: 'down' });
    expect(log.slice(3)).toEqual(['attempt retrying 503']);
    expect(outbox.emitted).toEqual([]);
  });

  it('fails the run on its last attempt: publish_failed with the attempts made, and a notification for the publishers', async () => {
    const { useCase, log, outbox } = push({ current: publishing(), attemptsMade: 2 }, DOWN);
    expect(await useCase.execute(command({ lastAttempt: true }))).toEqual({ kind: 'failed', reason: '推送重试次数已用尽：down' });
    expect(log.slice(3)).toEqual([
      'transition publishing→publish_failed seq 9',
      'attempt failed 503',
      'notify publish_failed: 《关于开展检查的通知》发布失败：推送重试次数已用尽：down，请在发布管理中重试',
      'emit document.publish_failed #9',
      'published',
    ]);
    expect(outbox.emitted[0].payload).toMatchObject({ reason: '推送重试次数已用尽：down', attempts: 3 });
  });

  it.each<[string, PublicationWorld, PortalPushOutcome, string, boolean]>([
    ['a portal refusal', {}, { ok: false, kind: 'permanent', httpStatus: 422, error: 'bad page' }, 'bad page', true],
    ['content that is not what was signed', { version: signedVersion({ content: { ...content, body: '<p>改过</p>' } }) }, RECEIPT, HASH_MISMATCH_REASON, false],
    ['another version than the signed one', { version: signedVersion({ version: 2 }) }, RECEIPT, HASH_MISMATCH_REASON, false],
    ['drafting refusing the version', { version: new DomainError('DOCUMENT.NOT_FOUND') }, RECEIPT, '起草服务拒绝提供该版本：DOCUMENT.NOT_FOUND', false],
    ['a receipt for other content', {}, { ...RECEIPT, receipt: { ...RECEIPT.receipt, contentHash: `sha256:${'f'.repeat(64)}` } } as PortalPushOutcome, `门户回执的内容哈希 sha256:${'f'.repeat(64)} 与签署哈希不一致`, true],
  ])('fails the run at once on %s', async (_label, world, outcome, reason, pushed) => {
    const { useCase, log, outbox } = push({ current: publishing(), ...world }, outcome);
    expect(await useCase.execute(command())).toEqual({ kind: 'failed', reason });
    expect(log.includes('portal push pub-1')).toBe(pushed);
    expect(outbox.emitted.map((event) => event.type)).toEqual(['document.publish_failed']);
  });

  it('retries when drafting is unreachable', async () => {
    const { useCase, log } = push({ current: publishing(), version: new Error('ECONNREFUSED') });
    expect(await useCase.execute(command())).toMatchObject({ kind: 'retry' });
    expect(log).toEqual(['drafting.getVersion as system', 'attempt retrying']);
  });

  it('starts a scheduled publication whose time has come, then pushes it in the new run', async () => {
    const { useCase, outbox } = push({ current: publication('scheduled', { contentHash: HASH, scheduledAt: new Date(Date.now() - 1000) }) });
    expect(await useCase.execute(command())).toMatchObject({ kind: 'published' });
    expect(outbox.emitted.map((event) => `${event.type} #${event.sequence}`)).toEqual(['document.publish_started #9', 'document.published #10']);
    expect(outbox.emitted[1].causationId).toBe(outbox.emitted[0].id);
  });

  it.each<[string, PublicationOrmEntity | null, Partial<PushCommand>, string]>([
    ['a publication not committed yet', null, {}, 'not_visible'],
    ['a run not committed yet', publishing(), { run: 1 }, 'not_visible'],
    ['a run a retry superseded', publishing({ run: 2 }), { run: 1 }, 'skipped'],
    ['a publication already published', publication('published', { contentHash: HASH }), {}, 'skipped'],
    ['a scheduled publication moved later', publication('scheduled', { scheduledAt: new Date(Date.now() + 3_600_000) }), {}, 'not_due'],
  ])('does nothing for %s', async (_label, current, changes, kind) => {
    const { useCase, log } = push({ current });
    expect(await useCase.execute(command(changes))).toMatchObject({ kind });
    expect(log).toEqual([]);
  });

  it('skips when another step moved the publication while it was pushed (the push is idempotent at the portal)', async () => {
    const { useCase, outbox } = push({ current: publishing(), movedMeanwhile: true });
    expect(await useCase.execute(command())).toEqual({ kind: 'skipped', reason: 'publication moved concurrently' });
    expect(outbox.emitted).toEqual([]);
  });
});
