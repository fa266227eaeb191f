import { describe, expect, it } from 'vitest';
import type { PublicationAttemptOrmEntity } from '../../persistence/publication-attempt.orm-entity.js';
import { AGENCY, DOC, person, publicationHarness, retractionRequested } from '../publication.fixture.js';
import { GetPublicationUseCase } from './get-publication.use-case.js';

const attempt: PublicationAttemptOrmEntity = {
  id: 'att-1',
  publicationId: 'pub-1',
  attempt: 1,
  run: 0,
  jobId: 'job',
  at: new Date('2026-11-21T00:00:00Z'),
  outcome: 'succeeded',
  httpStatus: 201,
  error: null,
  durationMs: 12,
};

describe('GetPublicationUseCase', () => {
  it('shows the latest publication of the document with its attempts, receipt and retraction request', async () => {
    const { publications } = publicationHarness({ current: retractionRequested(), attempts: [attempt] });
    const view = await new GetPublicationUseCase(publications).execute(person('reader', ['drafter']), { documentId: DOC });
    expect(view).toMatchObject({
      publicationId: 'pub-1',
      state: 'published',
      attempts: [{ attempt: 1, at: '2026-11-21T00:00:00.000Z', outcome: 'succeeded', httpStatus: 201, error: null }],
      receipt: { url: 'http://portal/items/x', publishedAt: '2026-11-21T00:00:00.000Z', contentHash: `sha256:${'a'.repeat(64)}` },
      retraction: { reason: '内容有误', requestedBy: 'u-publisher', authorizedBy: null, retractedAt: null },
      correctionStartedAt: null,
    });
  });

  it.each([
    ['no publication', null],
    ['another agency’s publication', retractionRequested({ agencyId: `${AGENCY}-other` })],
  ])('reports %s as not found', async (_label, current) => {
    const { publications } = publicationHarness({ current });
    await expect(new GetPublicationUseCase(publications).execute(person('reader', ['publisher']), { documentId: DOC })).rejects.toMatchObject({
      code: 'PUBLICATION.NOT_FOUND',
    });
  });
});
